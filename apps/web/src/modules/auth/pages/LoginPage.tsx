import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SessionFieldsFragment, TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { toUiError, type UiError } from '../../../errors/error-messages';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { SecondFactorForm } from '../components/SecondFactorForm';
import { LoginDocument } from '../graphql/auth.graphql';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: SessionFieldsFragment) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<UiError | string | null>(null);
  const [challenge, setChallenge] = useState<TwoFactorChallengeFieldsFragment | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = (await login({ variables: { input: { email, password } } })).data?.login;
      if (!result) return;
      if (result.__typename === 'Session') onSignedIn(result);
      else {
        setPassword('');
        setChallenge(result);
      }
    } catch (err) {
      setError(toUiError(err));
    }
  };

  if (challenge) {
    return (
      <Page title="Log in" narrow>
        <SecondFactorForm
          challenge={challenge}
          onSuccess={onSignedIn}
          onRestart={(message) => {
            setChallenge(null);
            setError(message);
          }}
        />
      </Page>
    );
  }

  return (
    <Page title="Log in" narrow>
      <form className="card" onSubmit={submit} noValidate>
        <Field id="login-email" label="Email">
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="login-password" label="Password">
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? 'Checking…' : 'Log in'}
          </button>
        </div>
      </form>
      <p className="aside">
        New to Twofold? <Link to="/signup">Sign up</Link>
      </p>
    </Page>
  );
}

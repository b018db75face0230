import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SessionFieldsFragment, TwoFactorChallengeFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { trustedDeviceStore } from '../../../storage/trusted-device-store';
import { CredentialsFields } from '../components/CredentialsFields';
import { LostAccess } from '../components/LostAccess';
import { SecondFactorForm } from '../components/SecondFactorForm';
import { LoginDocument } from '../graphql/auth.graphql';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: SessionFieldsFragment) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<UiError | string | null>(null);
  const [challenge, setChallenge] = useState<TwoFactorChallengeFieldsFragment | null>(null);
  const [login, { loading }] = useMutation(LoginDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      // A device remembered for this email skips the second step while the API still knows its token.
      const trustedDeviceToken = trustedDeviceStore.get(email);
      const result = (await login({ variables: { input: { email, password, trustedDeviceToken } } })).data?.login;
      if (!result) return;
      if (result.__typename === 'Session') onSignedIn(result);
      else {
        // The API ignored the token (expired, forgotten, another account's): it is of no more use.
        if (trustedDeviceToken) trustedDeviceStore.forget(email);
        setPassword('');
        setChallenge(result);
      }
    } catch (err) {
      setError(toUiError(err));
    }
  };

  if (challenge) {
    const restart = (message: string) => {
      setChallenge(null);
      setError(message);
    };
    return (
      <Page title={t('login.title')} narrow>
        <SecondFactorForm
          challenge={challenge}
          offerRemember
          onSuccess={(session) => {
            if (session.trustedDeviceToken) trustedDeviceStore.set(session.account.email, session.trustedDeviceToken);
            onSignedIn(session);
          }}
          onRestart={restart}
        />
        <LostAccess ticket={challenge.ticket} onRestart={restart} />
      </Page>
    );
  }

  return (
    <Page title={t('login.title')} narrow>
      <form className="card" onSubmit={submit} noValidate>
        <CredentialsFields idPrefix="login" email={email} password={password} onEmailChange={setEmail} onPasswordChange={setPassword} />
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? t('common.checking') : t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('forgot.link')}</Link>
        </div>
      </form>
      <p className="aside">{t.rich('login.signUpInstead', { link: (chunks) => <Link to="/signup">{chunks}</Link> })}</p>
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { SessionFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { toUiError, type UiError } from '../../../errors/error-messages';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { SignUpDocument } from '../graphql/auth.graphql';

type Fields = 'name' | 'email' | 'password';

function validate(values: Record<Fields, string>): Partial<Record<Fields, string>> {
  const errors: Partial<Record<Fields, string>> = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    errors.email = 'Enter an email address like name@example.com.';
  if (values.password.length < 10) errors.password = 'Use at least 10 characters.';
  else if (values.password.length > 256) errors.password = 'Use at most 256 characters.';
  return errors;
}

export function SignUpPage({ onSignedIn }: { onSignedIn: (session: SessionFieldsFragment) => void }) {
  const [values, setValues] = useState<Record<Fields, string>>({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Fields, string>>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [signUp, { loading }] = useMutation(SignUpDocument);

  const set = (field: Fields) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const errors = validate(values);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      document.getElementById(`signup-${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    try {
      const result = await signUp({
        variables: { input: { name: values.name.trim(), email: values.email.trim(), password: values.password } },
      });
      if (result.data?.signUp) onSignedIn(result.data.signUp);
    } catch (err) {
      const ui = toUiError(err);
      if (ui.code === ErrorCode.EMAIL_ALREADY_REGISTERED) setFieldErrors({ email: ui.message });
      else if (ui.code === ErrorCode.BAD_USER_INPUT && ui.fields)
        setFieldErrors(ui.fields as Partial<Record<Fields, string>>);
      else setError(ui);
    }
  };

  return (
    <Page title="Sign up" narrow>
      <form className="card" onSubmit={submit} noValidate>
        <Field id="signup-name" label="Name" error={fieldErrors.name}>
          {(aria) => (
            <input {...aria} type="text" autoComplete="name" required value={values.name} onChange={set('name')} />
          )}
        </Field>
        <Field id="signup-email" label="Email" error={fieldErrors.email}>
          {(aria) => (
            <input {...aria} type="email" autoComplete="email" required value={values.email} onChange={set('email')} />
          )}
        </Field>
        <Field
          id="signup-password"
          label="Password"
          hint="At least 10 characters. Avoid common passwords."
          error={fieldErrors.password}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              required
              value={values.password}
              onChange={set('password')}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? 'Creating your account…' : 'Sign up'}
          </button>
        </div>
      </form>
      <p className="aside">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </Page>
  );
}

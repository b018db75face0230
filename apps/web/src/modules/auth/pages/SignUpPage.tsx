import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { SessionFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import type { MessageId } from '../../../i18n/messages/en';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { SignUpDocument } from '../graphql/auth.graphql';

type Fields = 'name' | 'email' | 'password';

const PASSWORD_MIN = 10;
const PASSWORD_MAX = 256;

function validate(values: Record<Fields, string>): Partial<Record<Fields, MessageId>> {
  const errors: Partial<Record<Fields, MessageId>> = {};
  if (!values.name.trim()) errors.name = 'signup.error.name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'signup.error.email';
  if (values.password.length < PASSWORD_MIN) errors.password = 'signup.error.passwordShort';
  else if (values.password.length > PASSWORD_MAX) errors.password = 'signup.error.passwordLong';
  return errors;
}

export function SignUpPage({ onSignedIn }: { onSignedIn: (session: SessionFieldsFragment) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const [values, setValues] = useState<Record<Fields, string>>({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Fields, string>>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [signUp, { loading }] = useMutation(SignUpDocument);

  const set = (field: Fields) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems = validate(values);
    const errors = Object.fromEntries(
      Object.entries(problems).map(([field, id]) => [field, t(id, { min: PASSWORD_MIN, max: PASSWORD_MAX })]),
    ) as Partial<Record<Fields, string>>;
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
    <Page title={t('signup.title')} narrow>
      <form className="card" onSubmit={submit} noValidate>
        <Field id="signup-name" label={t('field.name')} error={fieldErrors.name}>
          {(aria) => (
            <input {...aria} type="text" autoComplete="name" required value={values.name} onChange={set('name')} />
          )}
        </Field>
        <Field id="signup-email" label={t('field.email')} error={fieldErrors.email}>
          {(aria) => (
            <input {...aria} type="email" autoComplete="email" required value={values.email} onChange={set('email')} />
          )}
        </Field>
        <Field
          id="signup-password"
          label={t('field.password')}
          hint={t('signup.passwordHint', { min: PASSWORD_MIN })}
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
            {loading ? t('signup.creating') : t('signup.submit')}
          </button>
        </div>
      </form>
      <p className="aside">{t.rich('signup.logInInstead', { link: (chunks) => <Link to="/login">{chunks}</Link> })}</p>
    </Page>
  );
}

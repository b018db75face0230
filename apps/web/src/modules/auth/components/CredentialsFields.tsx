import { useT } from '../../../i18n/translator';
import { Field } from '../../../ui/Field';

interface CredentialsFieldsProps {
  /** Prefix of the inputs' ids (`<idPrefix>-email`, `<idPrefix>-password`): one form's fields apart from another's. */
  idPrefix: string;
  email: string;
  password: string;
  onEmailChange: (email: string) => void;
  onPasswordChange: (password: string) => void;
}

/** The e-mail and password of a password step (login, the end of a recovery), as password managers expect them. */
export function CredentialsFields({ idPrefix, email, password, onEmailChange, onPasswordChange }: CredentialsFieldsProps) {
  const t = useT();
  return (
    <>
      <Field id={`${idPrefix}-email`} label={t('field.email')}>
        {(aria) => <input {...aria} type="email" autoComplete="username" required value={email} onChange={(e) => onEmailChange(e.target.value)} />}
      </Field>
      <Field id={`${idPrefix}-password`} label={t('field.password')}>
        {(aria) => <input {...aria} type="password" autoComplete="current-password" required value={password} onChange={(e) => onPasswordChange(e.target.value)} />}
      </Field>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { SessionFieldsFragment } from '../../../gql/graphql';
import { useDescribeRecoveryError, useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CredentialsFields } from './CredentialsFields';
import { LoginDocument } from '../graphql/auth.graphql';
import { CompleteAccountRecoveryDocument } from '../graphql/account-recovery.graphql';

interface RecoveryFinishProps {
  token: string;
  /** 2FA is off and a session started. */
  onRecovered: (session: SessionFieldsFragment) => void;
  /** The password alone signed in (2FA was already off): nothing to recover. */
  onSignedIn: (session: SessionFieldsFragment) => void;
  /** The link was refused: reads the recovery again and answers whether it is still READY. */
  onRefused: () => Promise<boolean>;
}

/**
 * After the waiting period: the password step again (a fresh ticket: the e-mail address and the
 * password, never a remembered device's token, so the challenge comes), then completeAccountRecovery
 * with that ticket and the link. What goes is said before the button.
 */
export function RecoveryFinish({ token, onRecovered, onSignedIn, onRefused }: RecoveryFinishProps) {
  const t = useT();
  const toUiError = useToUiError();
  const describe = useDescribeRecoveryError();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<UiError | string | null>(null);
  const [login, logging] = useMutation(LoginDocument);
  const [complete, completing] = useMutation(CompleteAccountRecoveryDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let ticket: string | null = null;
    try {
      const result = (await login({ variables: { input: { email, password } } })).data?.login;
      if (!result) return;
      if (result.__typename === 'Session') {
        onSignedIn(result);
        return;
      }
      ticket = result.ticket;
    } catch (err) {
      setError(toUiError(err));
      return;
    }
    if (!ticket) return;
    try {
      const session = (await complete({ variables: { input: { ticket, token } } })).data?.completeAccountRecovery;
      if (!session) return;
      setPassword('');
      onRecovered(session);
    } catch (err) {
      const ui = describe(err, 'link');
      // Cancelled, expired or spent: the page's state says which. Still READY: another account's password.
      if (ui.code === ErrorCode.BAD_USER_INPUT) {
        if (await onRefused()) setError(t('recovery.ready.otherAccount'));
      } else setError(ui);
    }
  };

  const busy = logging.loading || completing.loading;
  return (
    <form className="card" onSubmit={submit} noValidate>
      <p>{t('recovery.ready.intro')}</p>
      <p>
        <strong>{t('recovery.ready.warning')}</strong>
      </p>
      <CredentialsFields idPrefix="recover" email={email} password={password} onEmailChange={setEmail} onPasswordChange={setPassword} />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? t('common.checking') : t('recovery.ready.submit')}
        </button>
      </div>
    </form>
  );
}

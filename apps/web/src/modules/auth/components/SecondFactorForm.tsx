import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type {
  LoginMethodFieldsFragment,
  SessionFieldsFragment,
  TwoFactorChallengeFieldsFragment,
} from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT, type Translator } from '../../../i18n/translator';
import { CodeField } from '../../../ui/CodeField';
import { isCompleteBackupCode, isCompleteSmsCode } from '../../../ui/code-input';
import type { Dispatch } from '../../../ui/DeliveryStatus';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ResendButton } from '../../../ui/ResendButton';
import {
  CompleteLoginWithBackupCodeDocument,
  CompleteLoginWithSmsDocument,
  CompleteLoginWithTotpDocument,
  SendLoginSmsCodeDocument,
} from '../graphql/auth.graphql';
import { CallLoginCodeDocument } from '../graphql/voice-calls.graphql';
import { smsTarget } from '../utils/method-names';
import { CallMeButton } from './CallMeButton';
import { OtherMethods } from './OtherMethods';
import { RememberDeviceField } from './RememberDeviceField';
import { SecurityKeyStep } from './SecurityKeyStep';
import { SmsDelivery } from './SmsDelivery';

type CodeKind = 'sms' | 'totp' | 'backup';

const LABEL: Record<CodeKind, (t: Translator) => string> = {
  sms: (t) => t('secondFactor.smsCode'),
  totp: (t) => t('secondFactor.totpCode'),
  backup: (t) => t('secondFactor.emergencyCode'),
};
const HINT: Record<CodeKind, (t: Translator) => string> = {
  sms: (t) => t('secondFactor.smsCodeHint'),
  totp: (t) => t('secondFactor.totpCodeHint'),
  backup: (t) => t('secondFactor.backupCodeHint'),
};
const INCOMPLETE: Record<CodeKind, (t: Translator) => string> = {
  sms: (t) => t('secondFactor.error.smsIncomplete'),
  totp: (t) => t('secondFactor.error.totpIncomplete'),
  backup: (t) => t('secondFactor.error.backupIncomplete'),
};

interface SecondFactorFormProps {
  challenge: TwoFactorChallengeFieldsFragment;
  onSuccess: (session: SessionFieldsFragment) => void;
  /** The ticket is no longer usable (expired, too many tries): go back to the password. */
  onRestart: (message: string) => void;
  headingLevel?: 'h2' | 'h3';
  /** Login (not re-authentication): offer "Remember this device for 30 days". */
  offerRemember?: boolean;
}

/**
 * The second step of login (and of re-authentication): the default method first (of any kind), a
 * code field or the security key's button, and "Try another method" listing every number, app and
 * key by its name, plus "Emergency code". SMS asks for the code to be sent first; an app and an
 * emergency code are typed straight away. At login, "Remember this device for 30 days".
 */
export function SecondFactorForm({
  challenge,
  onSuccess,
  onRestart,
  headingLevel = 'h2',
  offerRemember = false,
}: SecondFactorFormProps) {
  const t = useT();
  const toUiError = useToUiError();
  const [method, setMethod] = useState<LoginMethodFieldsFragment>(challenge.defaultMethod);
  const [dispatches, setDispatches] = useState<Record<string, Dispatch>>({});
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [remember, setRemember] = useState(false);
  const [ticketDead, setTicketDead] = useState<string | null>(null);
  const othersId = useId();
  const sendButton = useRef<HTMLButtonElement>(null);

  const [sendCode, sending] = useMutation(SendLoginSmsCodeDocument);
  const [callCode, calling] = useMutation(CallLoginCodeDocument);
  const [completeSms, completingSms] = useMutation(CompleteLoginWithSmsDocument);
  const [completeBackup, completingBackup] = useMutation(CompleteLoginWithBackupCodeDocument);
  const [completeTotp, completingTotp] = useMutation(CompleteLoginWithTotpDocument);

  const dispatch = dispatches[method.id] ?? null;
  const isSms = method.kind === 'SMS';
  const isTotp = method.kind === 'TOTP';
  const isKey = method.kind === 'SECURITY_KEY';
  // Sent at login only (re-authentication refreshes a session; it remembers nothing).
  const rememberDevice = offerRemember ? { rememberDevice: remember } : {};
  // Six digits (SMS, app) or an emergency code: any other kind falls back to the emergency code.
  const codeKind = isSms ? 'sms' : isTotp ? 'totp' : 'backup';
  const Heading = headingLevel;

  useEffect(() => {
    if (isSms && !dispatch) sendButton.current?.focus();
  }, [method.id, isSms, dispatch]);

  /** TICKET_EXPIRED and TOO_MANY_ATTEMPTS end the step whatever the method: true when it was one of them. */
  const fatal = (err: unknown): boolean => {
    const ui = toUiError(err);
    if (ui.code === ErrorCode.TICKET_EXPIRED) onRestart(ui.message);
    else if (ui.code === ErrorCode.TOO_MANY_ATTEMPTS) setTicketDead(ui.message);
    else return false;
    return true;
  };

  const handle = (err: unknown) => {
    if (fatal(err)) return;
    const ui = toUiError(err);
    if (ui.code === ErrorCode.INVALID_CODE || ui.code === ErrorCode.CODE_EXPIRED) {
      setFieldError(ui.message);
      setCode('');
      return;
    }
    setError(ui);
  };

  const send = async () => {
    setError(null);
    setFieldError(null);
    try {
      const result = await sendCode({ variables: { input: { ticket: challenge.ticket, methodId: method.id } } });
      const sent = result.data?.sendLoginSmsCode;
      if (sent) setDispatches((all) => ({ ...all, [method.id]: sent }));
    } catch (err) {
      handle(err);
    }
  };

  /** "Call me instead": the same code read out by a call, under the same cooldown. */
  const call = async () => {
    setError(null);
    setFieldError(null);
    try {
      const result = await callCode({ variables: { input: { ticket: challenge.ticket, methodId: method.id } } });
      const placed = result.data?.callLoginCode;
      if (placed) setDispatches((all) => ({ ...all, [method.id]: placed }));
    } catch (err) {
      handle(err);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (codeKind === 'backup' ? !isCompleteBackupCode(code) : !isCompleteSmsCode(code)) {
      setFieldError(INCOMPLETE[codeKind](t));
      return;
    }
    setFieldError(null);
    const input = { ticket: challenge.ticket, methodId: method.id, code, ...rememberDevice };
    try {
      const result =
        codeKind === 'sms'
          ? (await completeSms({ variables: { input } })).data?.completeLoginWithSms
          : codeKind === 'totp'
            ? (await completeTotp({ variables: { input } })).data?.completeLoginWithTotp
            : (await completeBackup({ variables: { input: { ticket: challenge.ticket, code, ...rememberDevice } } }))
                .data?.completeLoginWithBackupCode;
      if (result) onSuccess(result);
    } catch (err) {
      handle(err);
    }
  };

  const choose = (next: LoginMethodFieldsFragment) => {
    setMethod(next);
    setCode('');
    setFieldError(null);
    setError(null);
  };

  if (ticketDead) {
    return (
      <section className="second-factor" aria-labelledby={`${othersId}-title`}>
        <Heading id={`${othersId}-title`}>{t('secondFactor.title')}</Heading>
        <ErrorAlert error={ticketDead} />
        <button type="button" className="button" onClick={() => onRestart(ticketDead)}>
          {t('secondFactor.startAgain')}
        </button>
      </section>
    );
  }

  const busy = completingSms.loading || completingBackup.loading || completingTotp.loading;

  return (
    <section className="second-factor" aria-labelledby={`${othersId}-title`}>
      <Heading id={`${othersId}-title`}>{t('secondFactor.title')}</Heading>
      {isSms ? (
        <p>
          {t.rich('secondFactor.willSend', {
            target: smsTarget(method),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : isTotp ? (
        <p>
          {method.description
            ? t.rich('secondFactor.totpIntro.named', {
                name: method.description,
                strong: (chunks) => <strong>{chunks}</strong>,
              })
            : t('secondFactor.totpIntro')}
        </p>
      ) : isKey ? null : (
        <p>{t('secondFactor.backupIntro')}</p>
      )}

      {isKey ? (
        <SecurityKeyStep
          key={method.id}
          ticket={challenge.ticket}
          method={method}
          rememberDevice={offerRemember ? remember : undefined}
          onSuccess={onSuccess}
          onFatal={fatal}
        />
      ) : null}
      {isKey ? null : (
        <form onSubmit={submit} noValidate>
          {isSms && !dispatch ? (
            <div className="actions">
              <button ref={sendButton} type="button" className="button" onClick={send} disabled={sending.loading}>
                {sending.loading ? t('common.sending') : t('secondFactor.send')}
              </button>
            </div>
          ) : null}
          {isSms ? <SmsDelivery dispatch={dispatch} ticket={challenge.ticket} /> : null}
          {!isSms || dispatch ? (
            <>
              <CodeField
                id={`login-${codeKind}-code`}
                key={method.id}
                label={LABEL[codeKind](t)}
                kind={codeKind}
                hint={HINT[codeKind](t)}
                value={code}
                onChange={setCode}
                error={fieldError}
                autoFocus
              />
              <div className="actions">
                <button type="submit" className="button" disabled={busy}>
                  {busy ? t('common.checking') : t('secondFactor.verify')}
                </button>
                {isSms ? (
                  <ResendButton availableAt={dispatch?.resendAvailableAt} onResend={send} busy={sending.loading} />
                ) : null}
                {isSms ? (
                  <CallMeButton availableAt={dispatch?.resendAvailableAt} onCall={call} busy={calling.loading} />
                ) : null}
              </div>
            </>
          ) : null}
          <ErrorAlert error={error} />
        </form>
      )}

      {offerRemember ? <RememberDeviceField checked={remember} onChange={setRemember} /> : null}
      <OtherMethods
        methods={challenge.methods}
        defaultMethod={challenge.defaultMethod}
        current={method}
        onChoose={choose}
      />
    </section>
  );
}

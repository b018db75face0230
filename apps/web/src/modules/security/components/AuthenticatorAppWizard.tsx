import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { StartTotpEnrollmentMutation } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { DescriptionField } from './DescriptionField';
import { appName } from '../../auth/utils/method-names';
import { CodeField } from '../../../ui/CodeField';
import { isCompleteSmsCode } from '../../../ui/code-input';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { QrCode } from '../../../ui/QrCode';
import { SecretKey } from '../../../ui/SecretKey';
import { ConfirmTotpMethodDocument, StartTotpEnrollmentDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { EmergencyCodes } from './EmergencyCodes';
import { useRefreshSecurity } from './use-refresh-security';

type Enrollment = StartTotpEnrollmentMutation['startTotpEnrollment'];

/**
 * starting: asking the API for a secret (sudo: the password prompt may come first); failed: that
 * did not work; scan: QR code, key, code and description; ended: the enrollment lapsed or spent
 * its tries, a new one is needed; codes: this app turned 2FA on, the emergency codes shown once.
 */
type Phase = 'starting' | 'failed' | 'scan' | 'ended' | 'codes';

/** Why an enrollment can no longer be confirmed. */
type EndReason = 'expired' | 'tooManyAttempts' | 'gone';

interface AuthenticatorAppWizardProps {
  /** enable: 2FA is off and this app turns it on (step 2 of 3 after "Choose a method"). add: 2FA is on. */
  mode: 'enable' | 'add';
  onClose: (message?: string) => void;
  /** TwoFactorStatus.limits.descriptionMaxLength. */
  descriptionMaxLength: number;
}

/** The contract's lifetime of an enrollment, used only when the answer's expiresAt is not believable. */
const CONTRACT_ENROLLMENT_MS = 10 * 60_000;

/**
 * When this screen stops offering the enrollment, on this device's clock: the lifetime the API
 * gave (its expiresAt minus the moment the answer arrived), unless a skewed clock makes that
 * implausible (under a minute or over a quarter of an hour), then the contract's 10 minutes. The
 * API's CODE_EXPIRED stays the last word either way.
 */
export function enrollmentDeadline(expiresAt: string, receivedAt: number): number {
  const lifetime = Date.parse(expiresAt) - receivedAt;
  const plausible = Number.isFinite(lifetime) && lifetime >= 60_000 && lifetime <= 15 * 60_000;
  return receivedAt + (plausible ? lifetime : CONTRACT_ENROLLMENT_MS);
}

/**
 * "Add an authenticator app": a fresh secret from the API as a QR code (drawn in the browser) and
 * as a key to type, then a code from the app and an optional description. The first method turns
 * 2FA on and shows the emergency codes once, as the SMS wizard does.
 */
export function AuthenticatorAppWizard({ mode, onClose, descriptionMaxLength }: AuthenticatorAppWizardProps) {
  const t = useT();
  const toUiError = useToUiError();
  const id = useId();
  const [phase, setPhase] = useState<Phase>('starting');
  const [enrollment, setEnrollment] = useState<(Enrollment & { deadline: number; minutes: number }) | null>(null);
  const [endReason, setEndReason] = useState<EndReason>('expired');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [codes, setCodes] = useState<readonly string[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);

  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [startEnrollment] = useMutation(StartTotpEnrollmentDocument);
  const [confirmTotp, confirming] = useMutation(ConfirmTotpMethodDocument);

  const start = async () => {
    setPhase('starting');
    setError(null);
    setCode('');
    setCodeError(null);
    try {
      const result = await withReauth(() => startEnrollment());
      const fresh = result.data?.startTotpEnrollment;
      if (!fresh) return;
      const receivedAt = Date.now();
      const deadline = enrollmentDeadline(fresh.expiresAt, receivedAt);
      setEnrollment({ ...fresh, deadline, minutes: Math.max(1, Math.round((deadline - receivedAt) / 60_000)) });
      setPhase('scan');
    } catch (err) {
      if (err instanceof ReauthCancelled) {
        onClose();
        return;
      }
      setError(toUiError(err));
      setPhase('failed');
    }
  };

  // Once per wizard (StrictMode runs effects twice in development: the ref keeps one secret).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, []); // start once, when the wizard opens

  // Each phase announces itself by moving focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [phase]);

  // The enrollment lapses after 10 minutes: say so before a code is refused for it.
  useEffect(() => {
    if (phase !== 'scan' || !enrollment) return undefined;
    const timer = window.setTimeout(
      () => {
        setEndReason('expired');
        setPhase('ended');
      },
      Math.max(0, enrollment.deadline - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [phase, enrollment]);

  const end = (reason: EndReason) => {
    setEndReason(reason);
    setPhase('ended');
  };

  const descriptionTooLong = description.length > descriptionMaxLength;

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!enrollment) return;
    setError(null);
    setDescriptionError(null);
    if (!isCompleteSmsCode(code)) {
      setCodeError(t('secondFactor.error.totpIncomplete'));
      document.getElementById(`${id}-code`)?.focus();
      return;
    }
    if (descriptionTooLong) {
      document.getElementById(`${id}-description`)?.focus();
      return;
    }
    setCodeError(null);
    const name = description.trim() || null;
    try {
      // Needs the session only (not sudo): a retry after a password prompt would spend a second try.
      const result = await confirmTotp({
        variables: { input: { enrollmentId: enrollment.enrollmentId, code, description: name } },
      });
      const payload = result.data?.confirmTotpMethod;
      if (!payload) return;
      await refresh();
      if (payload.backupCodes && payload.backupCodes.length > 0) {
        setCodes(payload.backupCodes);
        setPhase('codes');
      } else {
        onClose(mode === 'enable' ? t('wizard.done') : t('totp.added', { app: appName(name, t) }));
      }
    } catch (err) {
      const ui = toUiError(err);
      if (ui.code === ErrorCode.INVALID_CODE && ui.remainingAttempts === 0) end('tooManyAttempts');
      else if (ui.code === ErrorCode.INVALID_CODE) {
        setCodeError(ui.message);
        setCode('');
        document.getElementById(`${id}-code`)?.focus();
      } else if (ui.code === ErrorCode.CODE_EXPIRED) end('expired');
      else if (ui.code === ErrorCode.TOO_MANY_ATTEMPTS) end('tooManyAttempts');
      else if (ui.code === ErrorCode.NOT_FOUND) end('gone');
      else if (ui.code === ErrorCode.BAD_USER_INPUT && ui.fields?.['description']) {
        setDescriptionError(ui.fields['description']);
        document.getElementById(`${id}-description`)?.focus();
      } else if (ui.code === ErrorCode.BAD_USER_INPUT && ui.fields?.['code']) {
        setCodeError(ui.fields['code']);
        document.getElementById(`${id}-code`)?.focus();
      } else setError(ui);
    }
  };

  const title = mode === 'enable' ? t('wizard.enableTitle') : t('totp.addTitle');
  // enable: "Choose a method" was step 1; the emergency codes are step 3.
  const progress = mode === 'enable' ? t('wizard.progress', { step: phase === 'codes' ? 3 : 2, total: 3 }) : null;
  const stepTitle: Record<Phase, string> = {
    starting: t('totp.step.scan'),
    failed: t('totp.step.scan'),
    scan: t('totp.step.scan'),
    ended: endReason === 'tooManyAttempts' ? t('totp.ended.tooManyTitle') : t('totp.ended.expiredTitle'),
    codes: t('wizard.step.codes'),
  };
  const cancel = (
    <button type="button" className="button button--secondary" onClick={() => onClose()}>
      {t('common.cancel')}
    </button>
  );

  return (
    <section className="wizard card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {progress ? <p className="wizard__progress">{progress}</p> : null}
      <h3 ref={heading} tabIndex={-1} className="wizard__step">
        {stepTitle[phase]}
      </h3>

      {phase === 'starting' ? (
        <p className="muted" role="status">
          {t('totp.starting')}
        </p>
      ) : null}

      {phase === 'failed' ? (
        <>
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="button" className="button" onClick={() => void start()}>
              {t('totp.tryAgain')}
            </button>
            {cancel}
          </div>
        </>
      ) : null}

      {phase === 'ended' ? (
        <>
          <p>
            {endReason === 'tooManyAttempts'
              ? t('totp.ended.tooMany')
              : endReason === 'gone'
                ? t('totp.ended.gone')
                : t('totp.ended.expired', { minutes: enrollment?.minutes ?? 10 })}
          </p>
          <p>{t('totp.ended.removeEntry')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void start()}>
              {t('secondFactor.startAgain')}
            </button>
            {cancel}
          </div>
        </>
      ) : null}

      {phase === 'scan' && enrollment ? (
        <form onSubmit={confirm} noValidate>
          <ol className="totp-steps">
            <li>{t('totp.openApp')}</li>
            <li>
              <p>{t('totp.scan')}</p>
              <div className="totp-setup">
                <QrCode value={enrollment.otpauthUri} label={t('totp.qrLabel')} fallback={t('totp.qrFailed')} />
                <div className="totp-setup__key">
                  <p>{t('totp.manual')}</p>
                  <SecretKey id={`${id}-key`} secret={enrollment.secret} />
                  <p className="muted totp-setup__details">{t('totp.manualDetails')}</p>
                  <p className="totp-setup__link">
                    <a href={enrollment.otpauthUri}>{t('totp.openOnThisDevice')}</a>
                  </p>
                </div>
              </div>
            </li>
            <li>
              <CodeField
                id={`${id}-code`}
                kind="totp"
                label={t('secondFactor.totpCode')}
                hint={t('secondFactor.totpCodeHint')}
                value={code}
                onChange={(value) => {
                  setCode(value);
                  setCodeError(null);
                }}
                error={codeError}
              />
              <DescriptionField
                id={`${id}-description`}
                value={description}
                onChange={setDescription}
                hint={t('totp.descriptionHint')}
                maxLength={descriptionMaxLength}
                error={descriptionError}
              />
            </li>
          </ol>
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="submit" className="button" disabled={confirming.loading}>
              {confirming.loading ? t('common.checking') : t('common.confirm')}
            </button>
            {cancel}
          </div>
          <p className="aside">
            {t('totp.expiresAt', { time: t.intl.formatTime(enrollment.deadline, { timeStyle: 'short' }) })}
          </p>
        </form>
      ) : null}

      {phase === 'codes' ? (
        <EmergencyCodes codes={codes} showHeading={false} onSaved={() => onClose(t('wizard.done'))} />
      ) : null}
    </section>
  );
}

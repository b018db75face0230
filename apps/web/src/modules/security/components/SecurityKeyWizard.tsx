import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { ErrorCode } from '@twofold/error-codes';
import { useToUiError } from '../../../errors/error-messages';
import type { MessageId } from '../../../i18n/messages/en';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { webAuthnFailure, type WebAuthnFailure } from '../../auth/utils/webauthn';
import {
  FinishSecurityKeyRegistrationDocument,
  StartSecurityKeyRegistrationDocument,
} from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { kindLabel } from '../utils/listed-methods';
import { DescriptionField } from './DescriptionField';
import { EmergencyCodes } from './EmergencyCodes';
import { useRefreshSecurity } from './use-refresh-security';

const FAILURES: Record<WebAuthnFailure, MessageId> = {
  unsupported: 'key.error.unsupported',
  cancelled: 'key.error.cancelled',
  already: 'key.error.already',
  failed: 'key.error.failed',
};

interface SecurityKeyWizardProps {
  /** enable: 2FA is off and this key turns it on (after "Choose a method"). add: 2FA is on. */
  mode: 'enable' | 'add';
  onClose: (message?: string) => void;
  descriptionMaxLength: number;
}

/**
 * "Add a security key or passkey": a description, then the browser's WebAuthn prompt —
 * startSecurityKeyRegistration (under sudo) → startRegistration with its options →
 * finishSecurityKeyRegistration with the credential as JSON. The first method turns 2FA on and
 * shows the emergency codes once. No WebAuthn in this browser, a cancelled prompt or a key that is
 * already registered are said plainly, and the customer can try again.
 */
export function SecurityKeyWizard({ mode, onClose, descriptionMaxLength }: SecurityKeyWizardProps) {
  const t = useT();
  const toUiError = useToUiError();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [description, setDescription] = useState('');
  const [descriptionError, setDescriptionError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const supported = browserSupportsWebAuthn();
  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [startRegistrationOptions] = useMutation(StartSecurityKeyRegistrationDocument);
  const [finish] = useMutation(FinishSecurityKeyRegistrationDocument);

  // Each step announces itself by moving focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [codes]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDescriptionError(null);
    if (description.length > descriptionMaxLength) {
      document.getElementById(`${id}-description`)?.focus();
      return;
    }
    const name = description.trim() || null;
    setWaiting(true);
    try {
      const registration = (await withReauth(() => startRegistrationOptions())).data?.startSecurityKeyRegistration;
      if (!registration) return;
      const credential = await startRegistration({ optionsJSON: JSON.parse(registration.options) });
      const payload = (
        await finish({
          variables: {
            input: {
              registrationId: registration.registrationId,
              credential: JSON.stringify(credential),
              description: name,
            },
          },
        })
      ).data?.finishSecurityKeyRegistration;
      if (!payload) return;
      await refresh();
      const added = payload.twoFactor.securityKeys.find((key) => key.id === payload.methodId);
      const kind = kindLabel({ kind: 'SECURITY_KEY', isPasskey: added?.isPasskey }, t);
      const who = name ? t('methods.named', { kind, name }) : kind;
      if (payload.backupCodes && payload.backupCodes.length > 0) setCodes(payload.backupCodes);
      else onClose(mode === 'enable' ? t('wizard.done') : t('key.added', { key: who }));
    } catch (err) {
      if (err instanceof ReauthCancelled) return;
      const failure = webAuthnFailure(err);
      if (failure) setError(t(FAILURES[failure]));
      else {
        const ui = toUiError(err);
        if (ui.code === ErrorCode.BAD_USER_INPUT && ui.fields?.['description']) {
          setDescriptionError(ui.fields['description']);
          document.getElementById(`${id}-description`)?.focus();
        } else setError(ui.code === ErrorCode.INVALID_CODE ? t('key.error.failed') : ui.message);
      }
    } finally {
      setWaiting(false);
    }
  };

  const title = mode === 'enable' ? t('wizard.enableTitle') : t('key.addTitle');
  const progress = mode === 'enable' ? t('wizard.progress', { step: codes ? 3 : 2, total: 3 }) : null;

  return (
    <section className="wizard card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {progress ? <p className="wizard__progress">{progress}</p> : null}
      <h3 ref={heading} tabIndex={-1} className="wizard__step">
        {codes ? t('wizard.step.codes') : t('key.addTitle')}
      </h3>
      {codes ? (
        <EmergencyCodes codes={codes} showHeading={false} onSaved={() => onClose(t('wizard.done'))} />
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('key.intro')}</p>
          {supported ? (
            <DescriptionField
              id={`${id}-description`}
              value={description}
              onChange={setDescription}
              hint={t('key.descriptionHint')}
              maxLength={descriptionMaxLength}
              error={descriptionError}
            />
          ) : null}
          <p className="muted" role="status">
            {waiting ? t('key.waiting') : ''}
          </p>
          <ErrorAlert error={supported ? error : t('key.error.unsupported')} />
          <div className="actions">
            {supported ? (
              <button type="submit" className="button" disabled={waiting}>
                {t('key.start')}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => onClose()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

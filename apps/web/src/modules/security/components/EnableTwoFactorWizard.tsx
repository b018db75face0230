import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { SmsMethodFieldsFragment } from '../../../gql/graphql';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { useT } from '../../../i18n/translator';
import { CallMeButton } from '../../auth/components/CallMeButton';
import { SmsDelivery } from '../../auth/components/SmsDelivery';
import { CallSmsMethodCodeDocument } from '../../auth/graphql/voice-calls.graphql';
import { CodeField } from '../../../ui/CodeField';
import { isCompleteSmsCode } from '../../../ui/code-input';
import type { Dispatch } from '../../../ui/DeliveryStatus';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { DescriptionField } from './DescriptionField';
import { PhoneNumberField } from '../../../ui/PhoneNumberField';
import { allCountries, defaultCountry, toE164, validatePhoneNumber, type CountryCode } from '../../../ui/phone-number';
import { ResendButton } from '../../../ui/ResendButton';
import {
  AddSmsMethodDocument,
  ConfirmSmsMethodDocument,
  ResendSmsMethodCodeDocument,
} from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';
import { EmergencyCodes } from './EmergencyCodes';
import { MethodChoice } from './MethodChoice';
import { useRefreshSecurity } from './use-refresh-security';

type Step = 'method' | 'phone' | 'confirm' | 'codes';

interface WizardProps {
  /** enable: 2FA is off, start by choosing the method. add: another number. */
  mode: 'enable' | 'add';
  /** The account's numbers: a number left waiting for its code is resumed instead of refused. */
  methods: readonly SmsMethodFieldsFragment[];
  onClose: (message?: string) => void;
  /** TwoFactorStatus.limits.descriptionMaxLength. */
  descriptionMaxLength: number;
  /** Countries numbers may come from. The API exposes no list today, so all of them by default. */
  countries?: readonly CountryCode[];
  /** "Choose a method" → Authenticator app: the page opens the app's wizard in this one's place. */
  onChooseApp?: () => void;
  /** "Choose a method" → Security key or passkey: the page opens the key's wizard instead. */
  onChooseKey?: () => void;
}

const PHONE_ERRORS: readonly string[] = [
  ErrorCode.PHONE_NUMBER_INVALID,
  ErrorCode.PHONE_NUMBER_ALREADY_REGISTERED,
  ErrorCode.COUNTRY_NOT_ALLOWED,
  ErrorCode.BAD_USER_INPUT,
];

/** "Enable two-factor authentication" (and "Add a number"): method → number → code → emergency codes. */
export function EnableTwoFactorWizard({
  mode,
  methods,
  onClose,
  descriptionMaxLength,
  countries = allCountries(),
  onChooseApp,
  onChooseKey,
}: WizardProps) {
  const t = useT();
  const toUiError = useToUiError();
  const id = useId();
  const [step, setStep] = useState<Step>(mode === 'enable' ? 'method' : 'phone');
  const [country, setCountry] = useState<CountryCode>(() =>
    defaultCountry([...(navigator.languages ?? []), t.locale], countries),
  );
  const [phone, setPhone] = useState('');
  const [phoneTouched, setPhoneTouched] = useState(false);
  const [phoneServerError, setPhoneServerError] = useState<string | null>(null);
  const [method, setMethod] = useState<SmsMethodFieldsFragment | null>(null);
  const [dispatch, setDispatch] = useState<Dispatch | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [codes, setCodes] = useState<readonly string[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const withReauth = useWithReauth();
  const refresh = useRefreshSecurity();
  const [addSmsMethod, adding] = useMutation(AddSmsMethodDocument);
  const [resendCode, resending] = useMutation(ResendSmsMethodCodeDocument);
  const [callCode, calling] = useMutation(CallSmsMethodCodeDocument);
  const [confirmSmsMethod, confirming] = useMutation(ConfirmSmsMethodDocument);

  // Each step announces itself by moving focus to the wizard's step heading.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const steps: Step[] = mode === 'enable' ? ['method', 'phone', 'confirm', 'codes'] : ['phone', 'confirm'];
  const stepNumber = Math.min(steps.indexOf(step) + 1, steps.length);
  const title = mode === 'enable' ? t('wizard.enableTitle') : t('wizard.addTitle');
  const stepTitle: Record<Step, string> = {
    method: t('wizard.step.method'),
    phone: t('wizard.step.phone'),
    confirm: t('wizard.step.confirm'),
    codes: t('wizard.step.codes'),
  };

  const descriptionTooLong = description.length > descriptionMaxLength;
  const localPhoneError = validatePhoneNumber(phone, country, countries);
  const e164 = toE164(phone, country);
  const phoneError = phoneServerError ?? (phoneTouched ? localPhoneError : null);

  const sendToNumber = async (event: FormEvent) => {
    event.preventDefault();
    setPhoneTouched(true);
    setPhoneServerError(null);
    setError(null);
    if (localPhoneError) {
      document.getElementById(`${id}-phone`)?.focus();
      return;
    }
    try {
      const result = await withReauth(() => addSmsMethod({ variables: { input: { phoneNumber: e164 } } }));
      const payload = result.data?.addSmsMethod;
      if (!payload) return;
      setMethod(payload.method);
      setDispatch(payload.dispatch);
      setCode('');
      setCodeError(null);
      setStep('confirm');
    } catch (err) {
      if (err instanceof ReauthCancelled) return;
      const ui = toUiError(err);
      const pending = methods.find((m) => m.status === 'PENDING_VERIFICATION' && m.phoneNumber === e164);
      if (ui.code === ErrorCode.PHONE_NUMBER_ALREADY_REGISTERED && pending) {
        // Started earlier and never confirmed: send it a new code and carry on.
        await resume(pending);
        return;
      }
      if (PHONE_ERRORS.includes(ui.code)) {
        setPhoneServerError(ui.fields?.['phoneNumber'] ?? ui.message);
        document.getElementById(`${id}-phone`)?.focus();
      } else setError(ui);
    }
  };

  const resume = async (pending: SmsMethodFieldsFragment) => {
    try {
      const result = await resendCode({ variables: { methodId: pending.id } });
      setMethod(pending);
      setDispatch(result.data?.resendSmsMethodCode ?? null);
      setCode('');
      setCodeError(null);
      setStep('confirm');
    } catch (err) {
      setError(toUiError(err));
    }
  };

  const resend = async () => {
    if (!method) return;
    setError(null);
    try {
      const result = await resendCode({ variables: { methodId: method.id } });
      if (result.data?.resendSmsMethodCode) setDispatch(result.data.resendSmsMethodCode);
      setCodeError(null);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  /** "Call me instead": the confirmation code read out by a call, under the same cooldown as a resend. */
  const call = async () => {
    if (!method) return;
    setError(null);
    try {
      const result = await callCode({ variables: { methodId: method.id } });
      if (result.data?.callSmsMethodCode) setDispatch(result.data.callSmsMethodCode);
      setCodeError(null);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!method) return;
    setError(null);
    if (!isCompleteSmsCode(code)) {
      setCodeError(t('secondFactor.error.smsIncomplete'));
      document.getElementById(`${id}-code`)?.focus();
      return;
    }
    if (descriptionTooLong) return;
    try {
      const result = await confirmSmsMethod({
        variables: { input: { methodId: method.id, code, description: description.trim() || null } },
      });
      const payload = result.data?.confirmSmsMethod;
      if (!payload) return;
      await refresh();
      if (payload.backupCodes && payload.backupCodes.length > 0) {
        setCodes(payload.backupCodes);
        setStep('codes');
      } else {
        onClose(
          mode === 'enable'
            ? t('wizard.done')
            : t('wizard.numberConfirmed', { number: payload.method.maskedPhoneNumber }),
        );
      }
    } catch (err) {
      const ui = toUiError(err);
      if (ui.code === ErrorCode.INVALID_CODE || ui.code === ErrorCode.CODE_EXPIRED) {
        setCodeError(ui.message);
        setCode('');
        document.getElementById(`${id}-code`)?.focus();
      } else if (ui.code === ErrorCode.TOO_MANY_ATTEMPTS) {
        setStep('phone');
        setPhoneServerError(null);
        setError({
          ...ui,
          message: t('wizard.confirmationEnded', { message: ui.message }),
        });
      } else if (ui.code === ErrorCode.BAD_USER_INPUT && ui.fields?.['description']) {
        setError(ui);
      } else setError(ui);
    }
  };

  return (
    <section className="wizard card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="wizard__progress">{t('wizard.progress', { step: stepNumber, total: steps.length })}</p>
      <h3 ref={heading} tabIndex={-1} className="wizard__step">
        {stepTitle[step]}
      </h3>

      {step === 'method' ? (
        <MethodChoice
          onSms={() => setStep('phone')}
          onChooseApp={onChooseApp}
          onChooseKey={onChooseKey}
          onCancel={() => onClose()}
        />
      ) : null}

      {step === 'phone' ? (
        <form onSubmit={sendToNumber} noValidate>
          <PhoneNumberField
            id={`${id}-phone`}
            value={phone}
            onChange={(value) => {
              setPhone(value);
              setPhoneServerError(null);
            }}
            country={country}
            onCountryChange={(value) => {
              setCountry(value);
              setPhoneServerError(null);
            }}
            countries={countries}
            onBlur={() => setPhoneTouched(phone.trim() !== '')}
            error={phoneError}
          />
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="submit" className="button" disabled={adding.loading}>
              {adding.loading ? t('common.sending') : t('secondFactor.send')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onClose()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'confirm' && method ? (
        <form onSubmit={confirm} noValidate>
          <p>
            {t.rich('wizard.sent', {
              number: method.maskedPhoneNumber,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <SmsDelivery dispatch={dispatch} />
          <CodeField
            id={`${id}-code`}
            label={t('wizard.confirmationCode')}
            value={code}
            onChange={setCode}
            error={codeError}
            autoFocus
          />
          <DescriptionField
            id={`${id}-description`}
            value={description}
            onChange={setDescription}
            hint={t('wizard.descriptionHint')}
            maxLength={descriptionMaxLength}
          />
          <ErrorAlert error={error} />
          <div className="actions">
            <button type="submit" className="button" disabled={confirming.loading}>
              {confirming.loading ? t('common.checking') : t('common.confirm')}
            </button>
            <ResendButton availableAt={dispatch?.resendAvailableAt} onResend={resend} busy={resending.loading} />
            <CallMeButton availableAt={dispatch?.resendAvailableAt} onCall={call} busy={calling.loading} />
          </div>
          <p className="aside">
            {t('wizard.wrongNumber')}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setError(null);
                setStep('phone');
              }}
            >
              {t('wizard.differentNumber')}
            </button>
          </p>
        </form>
      ) : null}

      {step === 'codes' ? (
        <EmergencyCodes codes={codes} showHeading={false} onSaved={() => onClose(t('wizard.done'))} />
      ) : null}
    </section>
  );
}

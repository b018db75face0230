import { useId, useState } from 'react';
import { useT } from '../../../i18n/translator';

type Choice = 'SMS' | 'TOTP' | 'SECURITY_KEY';

interface MethodChoiceProps {
  onSms: () => void;
  /** Absent: the authenticator app is not offered. */
  onChooseApp?: () => void;
  /** Absent: security keys are not offered. */
  onChooseKey?: () => void;
  onCancel: () => void;
}

/** The first step of "Enable two-factor authentication": which kind of method to start with. */
export function MethodChoice({ onSms, onChooseApp, onChooseKey, onCancel }: MethodChoiceProps) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState<Choice>('SMS');
  const options: { value: Choice; label: string; hint: string; offered: boolean }[] = [
    { value: 'SMS', label: t('wizard.method.sms'), hint: t('wizard.method.smsHint'), offered: true },
    { value: 'TOTP', label: t('wizard.method.totp'), hint: t('wizard.method.totpHint'), offered: Boolean(onChooseApp) },
    { value: 'SECURITY_KEY', label: t('wizard.method.key'), hint: t('wizard.method.keyHint'), offered: Boolean(onChooseKey) },
  ];
  const inputIds: Record<Choice, string> = { SMS: `${id}-sms`, TOTP: `${id}-totp`, SECURITY_KEY: `${id}-key` };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (choice === 'TOTP' && onChooseApp) onChooseApp();
        else if (choice === 'SECURITY_KEY' && onChooseKey) onChooseKey();
        else onSms();
      }}
    >
      <fieldset>
        <legend>{t('wizard.method.legend')}</legend>
        {options
          .filter((o) => o.offered)
          .map((o) => (
            <div className="radio" key={o.value}>
              <input
                id={inputIds[o.value]}
                type="radio"
                name="method"
                value={o.value}
                checked={choice === o.value}
                onChange={() => setChoice(o.value)}
              />
              <label htmlFor={inputIds[o.value]}>
                {o.label}
                <span className="radio__hint">{o.hint}</span>
              </label>
            </div>
          ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button">
          {t('common.continue')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

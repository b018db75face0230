import { useId } from 'react';
import { useT } from '../../../i18n/translator';

/** "Remember this device for 30 days" on every second-factor step of login (not of re-authentication). */
export function RememberDeviceField({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="checkbox remember-device">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {t('secondFactor.remember')}
        <span id={`${id}-hint`} className="radio__hint">
          {t('secondFactor.rememberHint')}
        </span>
      </label>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { TwoFactorStatusFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import type { Locale } from '../../../i18n/locales';
import { useT } from '../../../i18n/translator';
import { AuthenticatorAppWizard } from '../components/AuthenticatorAppWizard';
import { BackupCodesPanel } from '../components/BackupCodesPanel';
import { ChangePassword } from '../components/ChangePassword';
import { DisableTwoFactor } from '../components/DisableTwoFactor';
import { EnableTwoFactorWizard } from '../components/EnableTwoFactorWizard';
import { LanguageSetting } from '../components/LanguageSetting';
import { RememberedDevices } from '../components/RememberedDevices';
import { SecurityActivity } from '../components/SecurityActivity';
import { SecurityKeyWizard } from '../components/SecurityKeyWizard';
import { SecuritySummary } from '../components/SecuritySummary';
import { SessionsSection } from '../components/SessionsSection';
import { TwoFactorMethodList } from '../components/TwoFactorMethodList';
import { listedMethods } from '../utils/listed-methods';

/** enable / add: the SMS wizard; app-enable / app-add: the authenticator app's; key-*: the security key's. */
type Wizard = 'enable' | 'add' | 'app-enable' | 'app-add' | 'key-enable' | 'key-add';

export function SecurityPage({ twoFactor, locale }: { twoFactor: TwoFactorStatusFieldsFragment; locale: Locale }) {
  const t = useT();
  // The wizard stays open across the refetch that turns 2FA on (its last step shows the codes).
  const [wizard, setWizard] = useState<Wizard | null>(null);
  const [message, setMessage] = useState('');
  const notice = useRef<HTMLParagraphElement>(null);
  const { smsMethodsPerAccount, descriptionMaxLength } = twoFactor.limits;

  // After a change the control that was used may be gone (a removed number): focus the outcome.
  useEffect(() => {
    if (message) notice.current?.focus();
  }, [message]);

  const closeWizard = (done?: string) => {
    setWizard(null);
    if (done) setMessage(done);
  };
  const open = (next: Wizard) => {
    setMessage('');
    setWizard(next);
  };
  // Turning 2FA on (either wizard): the lists wait until its last step, the emergency codes, is done.
  const enabling = wizard === 'enable' || wizard === 'app-enable' || wizard === 'key-enable';

  return (
    <Page title={t('security.title')}>
      <SecuritySummary twoFactor={twoFactor} />
      <p ref={notice} tabIndex={-1} className="notice notice--success" role="status" aria-live="polite">
        {message}
      </p>

      <section className="section" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">
          {t('security.twoFactor')}{' '}
          <span className={twoFactor.enabled ? 'badge badge--on' : 'badge badge--off'}>
            {twoFactor.enabled ? t('security.on') : t('security.off')}
          </span>
        </h2>

        {!twoFactor.enabled && wizard === null ? (
          <div className="card">
            <p>{t('security.offIntro')}</p>
            <button type="button" className="button" onClick={() => open('enable')}>
              {t('wizard.enableTitle')}
            </button>
          </div>
        ) : null}

        {wizard === 'enable' || wizard === 'add' ? (
          <EnableTwoFactorWizard
            mode={wizard}
            methods={twoFactor.smsMethods}
            onClose={closeWizard}
            descriptionMaxLength={descriptionMaxLength}
            onChooseApp={() => setWizard('app-enable')}
            onChooseKey={() => setWizard('key-enable')}
          />
        ) : null}
        {wizard === 'app-enable' || wizard === 'app-add' ? (
          <AuthenticatorAppWizard
            mode={wizard === 'app-enable' ? 'enable' : 'add'}
            onClose={closeWizard}
            descriptionMaxLength={descriptionMaxLength}
          />
        ) : null}
        {wizard === 'key-enable' || wizard === 'key-add' ? (
          <SecurityKeyWizard
            mode={wizard === 'key-enable' ? 'enable' : 'add'}
            onClose={closeWizard}
            descriptionMaxLength={descriptionMaxLength}
          />
        ) : null}

        {twoFactor.enabled && !enabling ? (
          <>
            <h3>{t('security.methods')}</h3>
            <TwoFactorMethodList twoFactor={twoFactor} onMessage={setMessage} />
            {wizard === null ? (
              <>
                {twoFactor.smsMethods.length >= smsMethodsPerAccount ? (
                  <p className="muted">{t('security.numbersFull', { max: smsMethodsPerAccount })}</p>
                ) : null}
                <div className="actions">
                  {twoFactor.smsMethods.length < smsMethodsPerAccount ? (
                    <button type="button" className="button button--secondary" onClick={() => open('add')}>
                      {t('wizard.addTitle')}
                    </button>
                  ) : null}
                  <button type="button" className="button button--secondary" onClick={() => open('app-add')}>
                    {t('totp.addTitle')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => open('key-add')}>
                    {t('key.addTitle')}
                  </button>
                </div>
              </>
            ) : null}
          </>
        ) : null}
      </section>

      {twoFactor.enabled && !enabling ? (
        <section className="section" aria-labelledby="emergency-title">
          <h2 id="emergency-title">{t('codes.title')}</h2>
          <BackupCodesPanel status={twoFactor.backupCodes} onMessage={setMessage} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="password-title">
        <h2 id="password-title">{t('password.title')}</h2>
        <ChangePassword onMessage={setMessage} />
      </section>

      <section className="section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        <SessionsSection onMessage={setMessage} />
      </section>

      {twoFactor.enabled ? (
        <section className="section" aria-labelledby="devices-title">
          <h2 id="devices-title">{t('devices.title')}</h2>
          <RememberedDevices onMessage={setMessage} />
        </section>
      ) : null}

      {twoFactor.enabled && !enabling && wizard === null ? (
        <section className="section" aria-labelledby="disable-title">
          <h2 id="disable-title">{t('disable.button')}</h2>
          <DisableTwoFactor
            methodCount={listedMethods(twoFactor).filter((method) => !method.pending).length}
            onMessage={setMessage}
          />
        </section>
      ) : null}

      <section className="section" aria-labelledby="language-title">
        <h2 id="language-title">{t('language.title')}</h2>
        <LanguageSetting locale={locale} onMessage={setMessage} />
      </section>

      <section className="section" aria-labelledby="activity-title">
        <h2 id="activity-title">{t('activity.title')}</h2>
        <SecurityActivity />
      </section>
    </Page>
  );
}

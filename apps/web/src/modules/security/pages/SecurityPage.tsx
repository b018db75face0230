import { useEffect, useRef, useState } from 'react';
import type { TwoFactorStatusFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import type { Locale } from '../../../i18n/locales';
import { useT } from '../../../i18n/translator';
import { BackupCodesPanel } from '../components/BackupCodesPanel';
import { EnableTwoFactorWizard } from '../components/EnableTwoFactorWizard';
import { LanguageSetting } from '../components/LanguageSetting';
import { SecurityActivity } from '../components/SecurityActivity';
import { SecuritySummary } from '../components/SecuritySummary';
import { SmsMethodList } from '../components/SmsMethodList';

export function SecurityPage({ twoFactor, locale }: { twoFactor: TwoFactorStatusFieldsFragment; locale: Locale }) {
  const t = useT();
  // The wizard stays open across the refetch that turns 2FA on (its last step shows the codes).
  const [wizard, setWizard] = useState<'enable' | 'add' | null>(null);
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
            <button
              type="button"
              className="button"
              onClick={() => {
                setMessage('');
                setWizard('enable');
              }}
            >
              {t('wizard.enableTitle')}
            </button>
          </div>
        ) : null}

        {wizard ? (
          <EnableTwoFactorWizard
            mode={wizard}
            methods={twoFactor.smsMethods}
            onClose={closeWizard}
            descriptionMaxLength={descriptionMaxLength}
          />
        ) : null}

        {twoFactor.enabled && wizard !== 'enable' ? (
          <>
            <h3>{t('security.numbers')}</h3>
            <SmsMethodList
              methods={twoFactor.smsMethods}
              onMessage={setMessage}
              descriptionMaxLength={descriptionMaxLength}
            />
            {wizard === null ? (
              twoFactor.smsMethods.length < smsMethodsPerAccount ? (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => {
                      setMessage('');
                      setWizard('add');
                    }}
                  >
                    {t('wizard.addTitle')}
                  </button>
                </div>
              ) : (
                <p className="muted">{t('security.numbersFull', { max: smsMethodsPerAccount })}</p>
              )
            ) : null}
          </>
        ) : null}
      </section>

      {twoFactor.enabled && wizard !== 'enable' ? (
        <section className="section" aria-labelledby="emergency-title">
          <h2 id="emergency-title">{t('codes.title')}</h2>
          <BackupCodesPanel status={twoFactor.backupCodes} onMessage={setMessage} />
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

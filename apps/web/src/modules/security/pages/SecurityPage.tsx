import { useEffect, useRef, useState } from 'react';
import type { TwoFactorStatusFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { BackupCodesPanel } from '../components/BackupCodesPanel';
import { EnableTwoFactorWizard } from '../components/EnableTwoFactorWizard';
import { SecurityActivity } from '../components/SecurityActivity';
import { SmsMethodList } from '../components/SmsMethodList';

const MAX_NUMBERS = 5;

export function SecurityPage({ twoFactor }: { twoFactor: TwoFactorStatusFieldsFragment }) {
  // The wizard stays open across the refetch that turns 2FA on (its last step shows the codes).
  const [wizard, setWizard] = useState<'enable' | 'add' | null>(null);
  const [message, setMessage] = useState('');
  const notice = useRef<HTMLParagraphElement>(null);

  // After a change the control that was used may be gone (a removed number): focus the outcome.
  useEffect(() => {
    if (message) notice.current?.focus();
  }, [message]);

  const closeWizard = (done?: string) => {
    setWizard(null);
    if (done) setMessage(done);
  };

  return (
    <Page title="Security">
      <p ref={notice} tabIndex={-1} className="notice notice--success" role="status" aria-live="polite">
        {message}
      </p>

      <section className="section" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">
          Two-factor authentication{' '}
          <span className={twoFactor.enabled ? 'badge badge--on' : 'badge badge--off'}>
            {twoFactor.enabled ? 'On' : 'Off'}
          </span>
        </h2>

        {!twoFactor.enabled && wizard === null ? (
          <div className="card">
            <p>
              Protect your account with a second step at login: after your password, we send a code to your phone by
              SMS.
            </p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setMessage('');
                setWizard('enable');
              }}
            >
              Enable two-factor authentication
            </button>
          </div>
        ) : null}

        {wizard ? <EnableTwoFactorWizard mode={wizard} methods={twoFactor.smsMethods} onClose={closeWizard} /> : null}

        {twoFactor.enabled && wizard !== 'enable' ? (
          <>
            <h3>Phone numbers</h3>
            <SmsMethodList methods={twoFactor.smsMethods} onMessage={setMessage} />
            {wizard === null && twoFactor.smsMethods.length < MAX_NUMBERS ? (
              <div className="actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setMessage('');
                    setWizard('add');
                  }}
                >
                  Add a number
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </section>

      {twoFactor.enabled && wizard !== 'enable' ? (
        <section className="section" aria-labelledby="emergency-title">
          <h2 id="emergency-title">Emergency codes</h2>
          <BackupCodesPanel status={twoFactor.backupCodes} onMessage={setMessage} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="activity-title">
        <h2 id="activity-title">Recent security activity</h2>
        <SecurityActivity />
      </section>
    </Page>
  );
}

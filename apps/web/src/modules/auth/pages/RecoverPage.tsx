import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { ErrorCode } from '@twofold/error-codes';
import type { AccountRecoveryStateQuery, SessionFieldsFragment } from '../../../gql/graphql';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useDescribeRecoveryError, type UiError } from '../../../errors/error-messages';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../i18n/locales';
import { useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { RecoveryCountdown } from '../components/RecoveryCountdown';
import { RecoveryFinish } from '../components/RecoveryFinish';
import { AccountRecoveryStateDocument, ConfirmAccountRecoveryDocument } from '../graphql/account-recovery.graphql';
import { recoveryToken } from '../utils/recover-link';
import { formatRecoveryWait } from '../utils/recovery-time';

type RecoveryState = AccountRecoveryStateQuery['accountRecovery'];
type View =
  | { kind: 'missing' }
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: UiError }
  | { kind: 'state'; state: RecoveryState }
  | { kind: 'recovered' };

interface RecoverPageProps {
  /** completeAccountRecovery signed in: keep the session, stay on this page for its message. */
  onRecovered: (session: SessionFieldsFragment) => void;
  /** The password alone signed in (2FA was already off). */
  onSignedIn: (session: SessionFieldsFragment) => void;
  /** The account's language, once the link names it: the page speaks it, as the e-mails do. */
  onLocale: (locale: Locale) => void;
}

/**
 * Where the e-mailed recovery link lands (issue 13 part 5), on every visit: the recovery's state is
 * read without spending the link (`accountRecovery`), then REQUESTED asks to start the waiting
 * period (nothing happens on opening alone: a mail scanner starts nothing), WAITING shows the
 * countdown and what cancels it, READY the password step that turns 2FA off and signs in, and
 * CANCELLED, COMPLETED and EXPIRED say so.
 */
export function RecoverPage({ onRecovered, onSignedIn, onLocale }: RecoverPageProps) {
  const t = useT();
  const client = useApolloClient();
  const describe = useDescribeRecoveryError();
  const token = useRef<string | null | undefined>(undefined);
  if (token.current === undefined) token.current = recoveryToken();
  const [view, setView] = useState<View>(token.current ? { kind: 'loading' } : { kind: 'missing' });
  const [confirmError, setConfirmError] = useState<UiError | null>(null);
  const [startedHere, setStartedHere] = useState(false);
  const [confirm, confirming] = useMutation(ConfirmAccountRecoveryDocument);
  // The latest callback, so a new function from the parent does not read the recovery again.
  const localeChanged = useRef(onLocale);
  useEffect(() => {
    localeChanged.current = onLocale;
  }, [onLocale]);

  /** Reads the recovery again; answers its status (null when it could not be read). */
  const load = useCallback(async (): Promise<RecoveryState['status'] | null> => {
    const link = token.current;
    if (!link) return null;
    try {
      const res = await client.query({
        query: AccountRecoveryStateDocument,
        variables: { token: link },
        fetchPolicy: 'network-only',
      });
      if (res.error) throw res.error;
      const state = res.data?.accountRecovery;
      if (!state) return null;
      if (isLocale(state.locale)) localeChanged.current(state.locale);
      setView({ kind: 'state', state });
      return state.status;
    } catch (err) {
      const ui = describe(err, 'link');
      setView(ui.code === ErrorCode.BAD_USER_INPUT ? { kind: 'invalid' } : { kind: 'failed', error: ui });
      return null;
    }
  }, [client, describe]);
  const check = useCallback(() => void load(), [load]);

  // Once per visit (the language switch that follows renews `load`, not the visit).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load();
  }, [load]);

  const start = async () => {
    if (!token.current) return;
    setConfirmError(null);
    try {
      await confirm({ variables: { input: { token: token.current } } });
      setStartedHere(true);
    } catch (err) {
      const ui = describe(err, 'link');
      // Confirmed meanwhile (another tab), or too late: the state says which.
      if (ui.code !== ErrorCode.BAD_USER_INPUT) {
        setConfirmError(ui);
        return;
      }
    }
    await load();
  };

  const state = view.kind === 'state' ? view.state : null;
  const locale = state && isLocale(state.locale) ? state.locale : DEFAULT_LOCALE;
  const loginAgain = (
    <p>
      <Link to="/login">{t('recovery.login')}</Link>
    </p>
  );

  return (
    <Page title={t('recovery.title')} narrow>
      {view.kind === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {view.kind === 'failed' ? (
        <>
          <ErrorAlert error={view.error} />
          <p>
            <button type="button" className="button" onClick={() => void load()}>
              {t('recovery.retry')}
            </button>
          </p>
        </>
      ) : null}
      {state?.status === 'REQUESTED' ? (
        <>
          <p>{t('recovery.requested.intro')}</p>
          <p>{t('recovery.requested.delay', { wait: formatRecoveryWait(state.delaySeconds, t) })}</p>
          <ErrorAlert error={confirmError} />
          <p>
            <button type="button" className="button" onClick={() => void start()} disabled={confirming.loading}>
              {confirming.loading ? t('common.checking') : t('recovery.requested.confirm')}
            </button>
          </p>
          <p className="muted">{t('recovery.requested.notYou')}</p>
        </>
      ) : null}
      {state?.status === 'WAITING' && state.readyAt ? (
        <RecoveryCountdown readyAt={state.readyAt} locale={locale} onCheck={check} focusOnMount={startedHere} />
      ) : null}
      {state?.status === 'READY' && token.current ? (
        <RecoveryFinish
          token={token.current}
          onRecovered={(session) => {
            setView({ kind: 'recovered' });
            onRecovered(session);
          }}
          onSignedIn={onSignedIn}
          onRefused={async () => (await load()) === 'READY'}
        />
      ) : null}
      <div role="status" aria-live="polite">
        {view.kind === 'recovered' ? <p className="notice notice--success">{t('recovery.done')}</p> : null}
        {view.kind === 'missing' ? <p>{t('recovery.missing')}</p> : null}
        {view.kind === 'invalid' ? <p>{t('recovery.invalid')}</p> : null}
        {state?.status === 'CANCELLED' ? (
          <>
            <p>
              <strong>{t('recovery.cancelled')}</strong>
            </p>
            <p>{t('recovery.cancelled.again')}</p>
          </>
        ) : null}
        {state?.status === 'COMPLETED' ? <p>{t('recovery.completed')}</p> : null}
        {state?.status === 'EXPIRED' ? <p>{t('recovery.expired')}</p> : null}
      </div>
      {view.kind === 'recovered' ? (
        <p>
          <Link to="/security">{t('recovery.done.turnOn')}</Link>
        </p>
      ) : null}
      {view.kind === 'missing' ||
      view.kind === 'invalid' ||
      (state && ['CANCELLED', 'COMPLETED', 'EXPIRED'].includes(state.status))
        ? loginAgain
        : null}
    </Page>
  );
}

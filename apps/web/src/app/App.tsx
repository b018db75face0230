import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { SessionFieldsFragment } from '../gql/graphql';
import { sessionStore } from '../apollo/session-store';
import { I18nProvider } from '../i18n/I18nProvider';
import { localeStore } from '../i18n/locale-store';
import { isLocale } from '../i18n/locales';
import { useT } from '../i18n/translator';
import { LogoutDocument, MeDocument } from '../modules/auth/graphql/auth.graphql';
import { ForgotPasswordPage } from '../modules/auth/pages/ForgotPasswordPage';
import { LoginPage } from '../modules/auth/pages/LoginPage';
import { RecoverPage } from '../modules/auth/pages/RecoverPage';
import { ResetPasswordPage } from '../modules/auth/pages/ResetPasswordPage';
import { SignUpPage } from '../modules/auth/pages/SignUpPage';
import { VerifyEmailPage } from '../modules/auth/pages/VerifyEmailPage';
import { WasntMePage } from '../modules/auth/pages/WasntMePage';
import { SecurityPage } from '../modules/security/pages/SecurityPage';
import { ReauthProvider } from '../modules/security/reauth/ReauthProvider';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { Page } from './Page';
import { navigate, useRoute } from './router';
import { Shell } from './Shell';

const PUBLIC_ROUTES = ['/login', '/signup', '/forgot-password'];
/** Open signed in or not: the e-mailed verification, password-reset and recovery links, and the "This wasn't me" link of a notice. */
const OPEN_ROUTES = ['/verify-email', '/wasnt-me', '/reset-password', '/recover'];

function Unreachable() {
  const t = useT();
  return (
    <Page title={t('app.error.title')}>
      <p role="alert">{t('app.error.unreachable')}</p>
    </Page>
  );
}

function Loading() {
  const t = useT();
  return (
    <main id="main" className="page" aria-busy="true">
      <p className="muted">{t('common.loading')}</p>
    </main>
  );
}

export function App() {
  const client = useApolloClient();
  const token = useSyncExternalStore(sessionStore.subscribe, sessionStore.getToken);
  const storedLocale = useSyncExternalStore(localeStore.subscribe, localeStore.get);
  const route = useRoute();
  const { data, loading, error } = useQuery(MeDocument, { skip: !token, fetchPolicy: 'cache-and-network' });
  const [logout] = useMutation(LogoutDocument);
  const me = token ? data?.me : null;
  const returnTo = useRef<string | null>(null);
  const loggedOut = useRef(false);

  // Signed in, the account's language wins; it is remembered for the signed-out pages too.
  const accountLocale = me && isLocale(me.locale) ? me.locale : null;
  const locale = accountLocale ?? storedLocale;
  useEffect(() => {
    if (accountLocale) localeStore.set(accountLocale);
  }, [accountLocale]);

  // A stored token the API no longer knows (expired, logged out elsewhere): forget it.
  useEffect(() => {
    if (token && data && data.me === null) sessionStore.clear();
  }, [token, data]);

  useEffect(() => {
    if (!token && !PUBLIC_ROUTES.includes(route) && !OPEN_ROUTES.includes(route)) {
      // A deep link (or an ended session) comes back to where it was after login.
      if (route !== '/' && !loggedOut.current) returnTo.current = route;
      navigate('/login');
    }
    // Once on Log in after logging out, later deep links are remembered again.
    if (PUBLIC_ROUTES.includes(route)) loggedOut.current = false;
    if (me && PUBLIC_ROUTES.includes(route)) navigate('/');
  }, [token, me, route]);

  const signedIn = async (session: SessionFieldsFragment) => {
    await client.clearStore();
    sessionStore.setToken(session.token);
    navigate(returnTo.current ?? '/');
    returnTo.current = null;
    loggedOut.current = false;
  };

  const logOut = async () => {
    returnTo.current = null;
    loggedOut.current = true;
    try {
      await logout();
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
    sessionStore.clear();
    await client.clearStore();
    navigate('/login');
  };

  // "This wasn't me" and a password reset end every session of the account, this browser's too: forget it, stay on the page.
  const forgetSession = async () => {
    returnTo.current = null;
    sessionStore.clear();
    await client.clearStore();
  };

  // A completed recovery signs in and stays on its page, which says what was turned off.
  const recovered = async (session: SessionFieldsFragment) => {
    returnTo.current = null;
    await client.clearStore();
    sessionStore.setToken(session.token);
  };

  let content;
  if (route === '/recover') {
    content = (
      <RecoverPage
        onRecovered={(session) => void recovered(session)}
        onSignedIn={signedIn}
        onLocale={localeStore.set}
      />
    );
  } else if (route === '/wasnt-me') {
    content = <WasntMePage onReported={() => void forgetSession()} />;
  } else if (route === '/reset-password') {
    content = <ResetPasswordPage onReset={() => void forgetSession()} />;
  } else if (OPEN_ROUTES.includes(route)) {
    content = <VerifyEmailPage signedIn={Boolean(me)} />;
  } else if (!token) {
    if (route === '/signup') content = <SignUpPage onSignedIn={signedIn} />;
    else if (route === '/forgot-password') content = <ForgotPasswordPage />;
    else content = <LoginPage onSignedIn={signedIn} />;
  } else if (!me) {
    content = error && !loading ? <Unreachable /> : <Loading />;
  } else {
    content = (
      <Shell route={route}>
        {route === '/security' ? (
          <SecurityPage twoFactor={me.twoFactor} locale={locale} />
        ) : (
          <HomePage name={me.name} twoFactorEnabled={me.twoFactor.enabled} />
        )}
      </Shell>
    );
  }

  return (
    <I18nProvider locale={locale}>
      <ReauthProvider>
        <Header
          account={me ? { name: me.name, initials: me.initials } : null}
          onLogout={logOut}
          locale={locale}
          onLocaleChange={localeStore.set}
        />
        {content}
      </ReauthProvider>
    </I18nProvider>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './apollo/apollo';
import { App } from './app/App';
import { readConfig } from './config';
import { localeStore } from './i18n/locale-store';
import { takeRecoveryLink } from './modules/auth/utils/recover-link';
import { takeResetPasswordLink } from './modules/auth/utils/reset-password-link';
import { takeVerificationLink } from './modules/auth/utils/verify-email-link';
import { takeWasntMeLink } from './modules/auth/utils/wasnt-me-link';
import './styles.css';

const { apiUrl } = readConfig();
// An e-mailed /verify-email?token=… link: the token leaves the address bar before anything renders.
takeVerificationLink();
// The e-mailed password-reset link (/reset-password?token=…), likewise.
takeResetPasswordLink();
// The "This wasn't me" link of a notice e-mail (/wasnt-me?token=…), likewise.
takeWasntMeLink();
// The lost-phone recovery link (/recover?token=…), likewise; the customer opens it again after the wait.
takeRecoveryLink();

const client = createApolloClient({
  apiUrl,
  // The token is already forgotten; App sends the customer to Log in and back here afterwards.
  onUnauthenticated: () => void client.clearStore(),
  // The language on screen: the signed-out choice, or the account's once signed in (App copies it).
  getLocale: localeStore.get,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);

import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@twofold/error-codes';
import { sessionStore } from './session-store';

export interface ApolloOptions {
  apiUrl: string;
  /** Called when the API answers UNAUTHENTICATED: the stored session is no longer valid. */
  onUnauthenticated: () => void;
}

/**
 * The one place that builds the link chain:
 * error link (reacts to `extensions.code`) → auth link (Bearer token) → HTTP.
 */
export function createApolloClient({ apiUrl, onUnauthenticated }: ApolloOptions): ApolloClient {
  const errorLink = new ErrorLink(({ error }) => {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === ErrorCode.UNAUTHENTICATED)
    ) {
      sessionStore.clear();
      onUnauthenticated();
    }
  });

  const authLink = new SetContextLink((prevContext) => {
    const token = sessionStore.getToken();
    if (!token) return {};
    return { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } };
  });

  const httpLink = new HttpLink({ uri: `${apiUrl}/graphql` });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        // Not normalised (no id): a newer status replaces the older one as a whole.
        TwoFactorStatus: { merge: true },
        BackupCodesStatus: { merge: true },
        Query: { fields: { securityEvents: { keyArgs: ['first'] } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@twofold/error-codes';
import { sessionStore } from './session-store';

export interface ApolloOptions {
  apiUrl: string;
  /** Called when the API answers UNAUTHENTICATED: the stored session is no longer valid. */
  onUnauthenticated: () => void;
  /**
   * The language the app is shown in, sent as Accept-Language: signUp stores it as the new
   * account's locale, so its first SMS already speaks the language of the page.
   */
  getLocale?: () => string;
}

/** Session token and language of every request. */
export function requestHeaders(
  previous: Record<string, string> | undefined,
  token: string | null,
  locale: string | undefined,
): Record<string, string> {
  return {
    ...previous,
    ...(locale ? { 'accept-language': locale } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/**
 * The one place that builds the link chain:
 * error link (reacts to `extensions.code`) → context link (Bearer token, Accept-Language) → HTTP.
 */
export function createApolloClient({ apiUrl, onUnauthenticated, getLocale }: ApolloOptions): ApolloClient {
  const errorLink = new ErrorLink(({ error }) => {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === ErrorCode.UNAUTHENTICATED)
    ) {
      sessionStore.clear();
      onUnauthenticated();
    }
  });

  const contextLink = new SetContextLink((prevContext) => ({
    headers: requestHeaders(prevContext.headers, sessionStore.getToken(), getLocale?.()),
  }));

  const httpLink = new HttpLink({ uri: `${apiUrl}/graphql` });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, contextLink, httpLink]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

/** The app's cache and its field policies (also what component tests run against). */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Not normalised (no id): a newer status replaces the older one as a whole.
      TwoFactorStatus: { merge: true },
      BackupCodesStatus: { merge: true },
      TwoFactorLimits: { merge: true },
      Query: {
        fields: {
          // One list per account; "Show more" (a page `after` a cursor) appends, a first page replaces.
          securityEvents: {
            keyArgs: false,
            merge(existing: { nodes: unknown[] } | undefined, incoming: { nodes: unknown[] }, { args }) {
              if (!existing || !args?.['after']) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
        },
      },
    },
  });
}

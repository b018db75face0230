import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { MeDocument } from '../../auth/graphql/auth.graphql';
import { SecurityEventsDocument } from '../graphql/security.graphql';

/** After a change: reload the account's two-factor status and the activity list. */
export function useRefreshSecurity(): () => Promise<void> {
  const client = useApolloClient();
  return useCallback(async () => {
    await client.refetchQueries({ include: [MeDocument, SecurityEventsDocument] });
  }, [client]);
}

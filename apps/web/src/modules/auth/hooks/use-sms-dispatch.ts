import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { Dispatch } from '../../../ui/DeliveryStatus';
import { SmsDispatchDocument } from '../graphql/auth.graphql';

const POLL_MS = 2000;

const terminal = (d: Dispatch | null | undefined) => d?.status === 'DELIVERED' || d?.status === 'FAILED';

/** Follows an SMS through the queue (`smsDispatch` polled until delivered or failed). */
export function useSmsDispatch(initial: Dispatch | null, ticket?: string): Dispatch | null {
  const [latest, setLatest] = useState<Dispatch | null>(initial);
  // A newer dispatch (resend) replaces whatever was polled for the previous one.
  const current = latest && latest.id === initial?.id ? latest : initial;
  const { data } = useQuery(SmsDispatchDocument, {
    variables: { id: initial?.id ?? '', ticket: ticket ?? null },
    // Stop asking once the SMS reached a final state, or its code has expired anyway.
    skip: !current || terminal(current) || Date.parse(current.expiresAt) < Date.now(),
    pollInterval: POLL_MS,
    fetchPolicy: 'network-only',
  });
  useEffect(() => {
    if (data?.smsDispatch && data.smsDispatch.id === initial?.id) setLatest(data.smsDispatch);
  }, [data, initial?.id]);
  return current;
}

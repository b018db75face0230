import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { SmsDispatchDocument } from '../modules/auth/graphql/auth.graphql';
import type { SmsDispatchFieldsFragment } from '../gql/graphql';

const POLL_MS = 2000;

export type Dispatch = SmsDispatchFieldsFragment;

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

export function deliveryMessage(dispatch: Dispatch): string {
  const to = dispatch.maskedPhoneNumber;
  switch (dispatch.status) {
    case 'QUEUED':
    case 'SENDING':
      return `Sending the code to ${to}…`;
    case 'SENT':
      return `Code sent to ${to}. It can take a minute to arrive.`;
    case 'DELIVERED':
      return `Code delivered to ${to}.`;
    case 'FAILED':
      return `The SMS to ${to} could not be delivered${dispatch.failureReason ? ` (${dispatch.failureReason})` : ''}. Check that the number is right and can receive SMS, then resend the code or use another number.`;
  }
}

/** The delivery state of the last code, announced politely as it changes. */
export function DeliveryStatus({ dispatch, ticket }: { dispatch: Dispatch | null; ticket?: string }) {
  const latest = useSmsDispatch(dispatch, ticket);
  const status = latest?.status;
  return (
    <p className={`delivery delivery--${status?.toLowerCase() ?? 'none'}`} role="status" aria-live="polite">
      {latest ? deliveryMessage(latest) : ''}
    </p>
  );
}

import { DeliveryStatus, type Dispatch } from '../../../ui/DeliveryStatus';
import { useSmsDispatch } from '../hooks/use-sms-dispatch';

/**
 * The live delivery state of a code just sent: polls `smsDispatch`, shows it with DeliveryStatus.
 * A dispatch answered by "Call me instead" carries `channel: VOICE`, so its states read as a call's.
 */
export function SmsDelivery({ dispatch, ticket }: { dispatch: (Dispatch & { channel?: string }) | null; ticket?: string }) {
  const channel = dispatch?.channel === 'VOICE' ? 'VOICE' : 'SMS';
  return <DeliveryStatus dispatch={useSmsDispatch(dispatch, ticket)} channel={channel} />;
}

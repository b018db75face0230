import { DeliveryStatus, type Dispatch } from '../../../ui/DeliveryStatus';
import { useSmsDispatch } from '../hooks/use-sms-dispatch';

/** The live delivery state of a code just sent: polls `smsDispatch`, shows it with DeliveryStatus. */
export function SmsDelivery({ dispatch, ticket }: { dispatch: Dispatch | null; ticket?: string }) {
  return <DeliveryStatus dispatch={useSmsDispatch(dispatch, ticket)} />;
}

import type { SmsDispatchFieldsFragment } from '../gql/graphql';
import { useT, type Translator } from '../i18n/translator';

export type Dispatch = SmsDispatchFieldsFragment;

/** SMS, or VOICE: a call that reads the code out ("Call me instead"). */
export type DeliveryChannel = 'SMS' | 'VOICE';

function callMessage(dispatch: Dispatch, t: Translator): string {
  const to = dispatch.maskedPhoneNumber;
  switch (dispatch.status) {
    case 'QUEUED':
    case 'SENDING':
      return t('delivery.call.sending', { to });
    case 'SENT':
      return t('delivery.call.sent', { to });
    case 'DELIVERED':
      return t('delivery.call.delivered', { to });
    case 'FAILED':
      return dispatch.failureReason
        ? t('delivery.call.failed.reason', { to, reason: dispatch.failureReason })
        : t('delivery.call.failed', { to });
  }
}

export function deliveryMessage(dispatch: Dispatch, t: Translator, channel: DeliveryChannel = 'SMS'): string {
  if (channel === 'VOICE') return callMessage(dispatch, t);
  const to = dispatch.maskedPhoneNumber;
  switch (dispatch.status) {
    case 'QUEUED':
    case 'SENDING':
      return t('delivery.sending', { to });
    case 'SENT':
      return t('delivery.sent', { to });
    case 'DELIVERED':
      return t('delivery.delivered', { to });
    case 'FAILED':
      return dispatch.failureReason
        ? t('delivery.failed.reason', { to, reason: dispatch.failureReason })
        : t('delivery.failed', { to });
  }
}

/**
 * The delivery state of the last code, announced politely as it changes. Presentational: the
 * feature that sent the SMS follows it (polling) and passes the latest state in.
 */
export function DeliveryStatus({ dispatch, channel = 'SMS' }: { dispatch: Dispatch | null; channel?: DeliveryChannel }) {
  const t = useT();
  const status = dispatch?.status;
  return (
    <p className={`delivery delivery--${status?.toLowerCase() ?? 'none'}`} role="status" aria-live="polite">
      {dispatch ? deliveryMessage(dispatch, t, channel) : ''}
    </p>
  );
}

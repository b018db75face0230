import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SmsDeliveryStatus } from './sms-code-dispatch.type';

export enum SmsFallbackCause {
  FAILED_RECEIPT = 'FAILED_RECEIPT',
  NO_RECEIPT = 'NO_RECEIPT',
  SEND_FAILED = 'SEND_FAILED',
}
registerEnumType(SmsFallbackCause, {
  name: 'SmsFallbackCause',
  description: 'Why the same code was sent again through another provider.',
  valuesMap: {
    FAILED_RECEIPT: { description: 'The previous provider reported the SMS failed or undelivered.' },
    NO_RECEIPT: { description: 'The previous provider did not report it delivered within SMS_DELIVERY_TIMEOUT_SECONDS.' },
    SEND_FAILED: { description: 'The previous fallback provider refused the SMS.' },
  },
});

@ObjectType('SmsDeliveryAttempt', { description: 'One send of an SMS through one provider: the first send, then each fallback (same code, same expiry).' })
export class SmsDeliveryAttemptModel {
  @Field({ description: 'The provider, as in SMS_PROVIDERS (twilio, ovh, webhook, …).' }) provider!: string;
  @Field(() => SmsDeliveryStatus, { description: 'SENDING, SENT, DELIVERED or FAILED (QUEUED is never an attempt state).' })
  status!: SmsDeliveryStatus;
  @Field(() => SmsFallbackCause, { nullable: true, description: 'Null for the first send.' }) fallbackCause!: SmsFallbackCause | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) failedAt!: Date | null;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
}

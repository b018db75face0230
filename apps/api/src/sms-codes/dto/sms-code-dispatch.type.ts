import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
// Both ways (the attempt's status is this file's enum): every type reference below is lazy.
import { SmsDeliveryAttemptModel } from './sms-delivery-attempt.type';

export enum SmsDeliveryStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(SmsDeliveryStatus, { name: 'SmsDeliveryStatus' });

@ObjectType('SmsCodeDispatch')
export class SmsCodeDispatchModel {
  @Field(() => ID) id!: string;
  @Field() maskedPhoneNumber!: string;
  @Field(() => SmsDeliveryStatus) status!: SmsDeliveryStatus;
  @Field({ description: 'When the code sent in this SMS stops being accepted.' }) expiresAt!: Date;
  @Field({ description: 'Earliest moment a new code may be requested for the same method.' }) resendAvailableAt!: Date;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field(() => [SmsDeliveryAttemptModel], {
    description:
      'Each provider that took this SMS, in order: the first send, then each receipt-driven fallback with the same code. Empty until a provider accepted it.',
  })
  attempts!: SmsDeliveryAttemptModel[];
}

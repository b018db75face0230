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

export enum CodeDeliveryChannel {
  SMS = 'SMS',
  VOICE = 'VOICE',
}
registerEnumType(CodeDeliveryChannel, {
  name: 'CodeDeliveryChannel',
  description: 'How a code reaches the phone.',
  valuesMap: { SMS: { description: 'A text message.' }, VOICE: { description: 'A phone call that reads the code out ("Call me instead").' } },
});

@ObjectType('SmsCodeDispatch')
export class SmsCodeDispatchModel {
  @Field(() => ID) id!: string;
  @Field() maskedPhoneNumber!: string;
  @Field(() => CodeDeliveryChannel, { description: 'SMS, or VOICE for a call that reads the code out (callLoginCode, callSmsMethodCode).' })
  channel!: CodeDeliveryChannel;
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

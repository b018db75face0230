import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

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
}

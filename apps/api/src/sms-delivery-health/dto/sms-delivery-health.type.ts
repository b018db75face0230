import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SmsDeliveryHealth', {
  description:
    'How the last code SMS to a number fared, from the providers\' delivery receipts (a message without a receipt yet counts neither way).',
})
export class SmsDeliveryHealthModel {
  @Field(() => Date, { nullable: true, description: 'When a code SMS to this number was last reported delivered.' })
  lastDeliveredAt!: Date | null;

  @Field(() => Int, { description: 'Code SMS to this number reported failed in a row, the most recent first (0 when the last one was delivered).' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true, description: 'When the most recent of those failures was reported.' })
  lastFailedAt!: Date | null;
}

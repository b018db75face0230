import { Field, Int, ObjectType } from '@nestjs/graphql';

/** What a "This wasn't me" link did: the web app then asks the customer to sign in and change the password. */
@ObjectType('ActivityReport')
export class ActivityReportModel {
  @Field(() => Int, { description: 'Sessions of the account that were ended (every live one).' }) sessionsEnded!: number;
  @Field(() => Int, { description: 'Remembered devices of the account that were forgotten (every one).' }) devicesForgotten!: number;
  @Field({ description: 'Whether a pending lost-phone recovery of the account was cancelled.' }) recoveryCancelled!: boolean;
  @Field({ description: 'Always true: the customer should sign in again and change the password (or reset it).' }) mustChangePassword!: boolean;
}

import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CallLoginCodeInput {
  @Field({ description: 'The TwoFactorChallenge ticket.' }) ticket!: string;
  @Field(() => ID, { description: "One of the challenge's SMS methods (a number)." }) methodId!: string;
}

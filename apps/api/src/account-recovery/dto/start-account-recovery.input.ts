import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class StartAccountRecoveryInput {
  /** The ticket of the password step (login answered a TwoFactorChallenge). */
  @Field() ticket!: string;
}

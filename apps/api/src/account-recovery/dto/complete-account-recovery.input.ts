import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteAccountRecoveryInput {
  /** A fresh ticket of the password step. */
  @Field() ticket!: string;
  /** The token of the same recovery link, after its waiting period. */
  @Field() token!: string;
}

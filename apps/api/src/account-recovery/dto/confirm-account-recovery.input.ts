import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ConfirmAccountRecoveryInput {
  /** The token of the e-mailed recovery link (`/recover?token=…`). */
  @Field() token!: string;
}

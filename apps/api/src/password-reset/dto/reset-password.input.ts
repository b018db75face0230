import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the e-mailed link (`/reset-password?token=…`).' }) token!: string;
  @Field({ description: "The new password, under sign-up's rules." }) newPassword!: string;
}

import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field({ description: "The new password, under sign-up's rules." }) newPassword!: string;
}

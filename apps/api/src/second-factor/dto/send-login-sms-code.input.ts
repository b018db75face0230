import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SendLoginSmsCodeInput {
  @Field() ticket!: string;
  @Field(() => ID) methodId!: string;
}

import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ReauthenticateInput {
  @Field() password!: string;
}

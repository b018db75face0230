import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RequestPasswordResetInput {
  @Field({ description: 'The address the account signed up with.' }) email!: string;
}

import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithTotpInput {
  @Field() ticket!: string;
  @Field(() => ID) methodId!: string;
  @Field() code!: string;
}

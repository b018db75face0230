import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithSmsInput {
  @Field() ticket!: string;
  @Field(() => ID) methodId!: string;
  @Field() code!: string;
}

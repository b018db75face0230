import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ConfirmSmsMethodInput {
  @Field(() => ID) methodId!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

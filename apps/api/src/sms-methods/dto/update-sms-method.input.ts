import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateSmsMethodInput {
  @Field(() => ID) methodId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

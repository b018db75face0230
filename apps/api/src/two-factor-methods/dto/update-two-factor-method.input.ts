import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateTwoFactorMethodInput {
  @Field(() => ID) methodId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ConfirmTotpMethodInput {
  @Field(() => ID) enrollmentId!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

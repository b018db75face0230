import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class StartSecurityKeyLoginInput {
  @Field() ticket!: string;
}

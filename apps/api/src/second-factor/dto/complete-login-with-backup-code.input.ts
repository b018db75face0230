import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithBackupCodeInput {
  @Field() ticket!: string;
  @Field() code!: string;
}

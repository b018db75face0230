import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class FinishSecurityKeyRegistrationInput {
  @Field(() => ID) registrationId!: string;
  @Field({ description: 'JSON of the PublicKeyCredential from navigator.credentials.create() (RegistrationResponseJSON).' }) credential!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SecurityKeyRegistration')
export class SecurityKeyRegistrationModel {
  @Field(() => ID) registrationId!: string;
  @Field({ description: 'JSON of PublicKeyCredentialCreationOptions (PublicKeyCredentialCreationOptionsJSON).' }) options!: string;
  @Field() expiresAt!: Date;
}

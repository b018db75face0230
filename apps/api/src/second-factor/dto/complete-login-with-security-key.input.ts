import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithSecurityKeyInput {
  @Field() ticket!: string;
  @Field({ description: 'JSON of the PublicKeyCredential from navigator.credentials.get() (AuthenticationResponseJSON).' }) credential!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Remember this device: the Session carries a trustedDeviceToken.' })
  rememberDevice?: boolean | null;
}

import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithBackupCodeInput {
  @Field() ticket!: string;
  @Field() code!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Remember this device: the Session carries a trustedDeviceToken.' })
  rememberDevice?: boolean | null;
}

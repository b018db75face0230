import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteLoginWithSmsInput {
  @Field() ticket!: string;
  @Field(() => ID) methodId!: string;
  @Field() code!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Remember this device: the Session carries a trustedDeviceToken.' })
  rememberDevice?: boolean | null;
}

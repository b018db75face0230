import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class LoginInput {
  @Field() email!: string;
  @Field() password!: string;
  @Field(() => String, { nullable: true, description: 'A Session.trustedDeviceToken from an earlier login on this device.' })
  trustedDeviceToken?: string | null;
}

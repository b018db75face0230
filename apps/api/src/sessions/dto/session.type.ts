import { Field, ObjectType } from '@nestjs/graphql';
import { AccountModel } from '../../accounts/dto/account.type';

@ObjectType('Session')
export class SessionModel {
  @Field() token!: string;
  @Field() expiresAt!: Date;
  @Field(() => AccountModel) account!: AccountModel;
  @Field(() => String, { nullable: true, description: 'Present only in the answer that completed a second factor with rememberDevice: true.' })
  trustedDeviceToken?: string | null;
}

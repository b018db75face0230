import { Field, ObjectType } from '@nestjs/graphql';
import { AccountModel } from '../../accounts/dto/account.type';

@ObjectType('Session')
export class SessionModel {
  @Field() token!: string;
  @Field() expiresAt!: Date;
  @Field(() => AccountModel) account!: AccountModel;
}

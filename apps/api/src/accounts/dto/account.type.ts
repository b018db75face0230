import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() initials!: string;
  @Field() createdAt!: Date;
  @Field({ description: 'Language of the account\'s SMS and of the web app: "en" or "fr".' }) locale!: string;
  // twoFactor: TwoFactorStatus! is resolved by AccountResolver.
}

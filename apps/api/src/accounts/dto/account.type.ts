import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() initials!: string;
  @Field() createdAt!: Date;
  // twoFactor: TwoFactorStatus! is resolved by AccountResolver.
}

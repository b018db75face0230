import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A remembered device as the Security page lists it: never its token. */
@ObjectType('TrustedDevice')
export class TrustedDeviceModel {
  @Field(() => ID) id!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field() expiresAt!: Date;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
}

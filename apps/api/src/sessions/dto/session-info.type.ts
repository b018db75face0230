import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One live session of the signed-in account, as the Security page's "Sessions" list shows it. */
@ObjectType('SessionInfo')
export class SessionInfoModel {
  @Field(() => ID) id!: string;
  @Field() current!: boolean;
  @Field() createdAt!: Date;
  @Field() lastSeenAt!: Date;
  @Field() expiresAt!: Date;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field({ description: 'True when this session passed a second factor (or a remembered device).' })
  secondFactor!: boolean;
}

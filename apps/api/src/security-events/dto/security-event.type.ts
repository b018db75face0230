import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '@twofold/persistence';

export const SecurityEventTypeEnum = Object.fromEntries(SECURITY_EVENT_TYPES.map((t) => [t, t])) as { [K in SecurityEventType]: K };
registerEnumType(SecurityEventTypeEnum, { name: 'SecurityEventType' });

@ObjectType('SecurityEvent')
export class SecurityEventModel {
  @Field(() => ID) id!: string;
  @Field(() => SecurityEventTypeEnum) type!: SecurityEventType;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true, description: 'Non-secret context, e.g. the masked number concerned.' }) detail!: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class SecurityEventConnection {
  @Field(() => [SecurityEventModel]) nodes!: SecurityEventModel[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

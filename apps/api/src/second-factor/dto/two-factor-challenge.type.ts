import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TwoFactorMethodKind {
  SMS = 'SMS',
  TOTP = 'TOTP',
  SECURITY_KEY = 'SECURITY_KEY',
  BACKUP_CODE = 'BACKUP_CODE',
}
registerEnumType(TwoFactorMethodKind, { name: 'TwoFactorMethodKind' });

/** The fixed LoginMethod id of emergency codes. */
export const BACKUP_CODE_METHOD_ID = 'backup-code';

@ObjectType('LoginMethod')
export class LoginMethodModel {
  @Field(() => ID, { description: 'The method\'s id (SmsMethod, TotpMethod, SecurityKey); a fixed id for BACKUP_CODE.' }) id!: string;
  @Field(() => TwoFactorMethodKind) kind!: TwoFactorMethodKind;
  @Field({ description: 'Human label, e.g. "SMS to +44 ••••• ••0123 (Work phone)".' }) label!: string;
  @Field(() => String, { nullable: true }) maskedPhoneNumber!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('TwoFactorChallenge')
export class TwoFactorChallengeModel {
  @Field({ description: 'Opaque, short-lived, single-use proof that the password step passed.' }) ticket!: string;
  @Field() expiresAt!: Date;
  @Field(() => LoginMethodModel, { description: 'The method the login screen offers first.' }) defaultMethod!: LoginMethodModel;
  @Field(() => [LoginMethodModel], { description: 'Every method this account can use now ("Try another method").' }) methods!: LoginMethodModel[];
}

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SmsMethodStatus {
  PENDING_VERIFICATION = 'PENDING_VERIFICATION',
  ENABLED = 'ENABLED',
}
registerEnumType(SmsMethodStatus, { name: 'SmsMethodStatus' });

/** A phone number as the customer sees it. Built from the entity by `toSmsMethodModel`; no secret columns exist here. */
@ObjectType('SmsMethod')
export class SmsMethodModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'E.164, e.g. +447700900123.' }) phoneNumber!: string;
  @Field() maskedPhoneNumber!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 region of the number, e.g. GB.' }) countryCode!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => SmsMethodStatus) status!: SmsMethodStatus;
  @Field() isDefault!: boolean;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

/** An authenticator app as its owner sees it; its secret has no field here. */
@ObjectType('TotpMethod')
export class TotpMethodModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() isDefault!: boolean;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

/** A security key or passkey as its owner sees it; its credential id and public key have no field here. */
@ObjectType('SecurityKey')
export class SecurityKeyModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() isDefault!: boolean;
  @Field({ description: 'True when the credential is discoverable and synced or device-bound as a passkey.' }) isPasskey!: boolean;
  @Field(() => String, { nullable: true, description: 'Name of the authenticator model from its AAGUID when known, e.g. "YubiKey 5 Series".' }) authenticatorName!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType('BackupCodesStatus')
export class BackupCodesStatusModel {
  @Field() active!: boolean;
  @Field(() => Int) remaining!: number;
  @Field(() => Int) total!: number;
  @Field(() => Date, { nullable: true }) generatedAt!: Date | null;
}

@ObjectType('TwoFactorLimits', { description: 'Limits of this deployment, so clients need no constants.' })
export class TwoFactorLimitsModel {
  @Field(() => Int, { description: 'SMS numbers per account (SMS_METHODS_PER_ACCOUNT).' }) smsMethodsPerAccount!: number;
  @Field(() => Int, { description: 'Security keys and passkeys per account.' }) securityKeysPerAccount!: number;
  @Field(() => Int, { description: 'Characters in a method description.' }) descriptionMaxLength!: number;
}

@ObjectType('TwoFactorStatus')
export class TwoFactorStatusModel {
  @Field() enabled!: boolean;
  @Field(() => ID, { nullable: true }) defaultMethodId!: string | null;
  @Field(() => [SmsMethodModel]) smsMethods!: SmsMethodModel[];
  @Field(() => [TotpMethodModel]) totpMethods!: TotpMethodModel[];
  @Field(() => [SecurityKeyModel]) securityKeys!: SecurityKeyModel[];
  @Field(() => BackupCodesStatusModel) backupCodes!: BackupCodesStatusModel;
  @Field(() => TwoFactorLimitsModel) limits!: TwoFactorLimitsModel;
}

@ObjectType('BackupCodesPayload')
export class BackupCodesPayloadModel {
  @Field(() => [String], { description: 'Plain codes, returned only here, only once.' }) codes!: string[];
  @Field(() => BackupCodesStatusModel) status!: BackupCodesStatusModel;
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AccountRecoveryResolver } from '../account-recovery/account-recovery.resolver';
import { AccountsResolver } from '../accounts/accounts.resolver';
import { BackupCodesResolver } from '../backup-codes/backup-codes.resolver';
import { EmailVerificationResolver } from '../email-verification/email-verification.resolver';
import { LoginResolver } from '../login/login.resolver';
import { PasswordChangeResolver } from '../password-reset/password-change.resolver';
import { PasswordResetResolver } from '../password-reset/password-reset.resolver';
import { SecondFactorResolver } from '../second-factor/second-factor.resolver';
import { SecurityEventsResolver } from '../security-events/security-events.resolver';
import { SecurityKeysResolver } from '../security-keys/security-keys.resolver';
import { SessionsResolver } from '../sessions/sessions.resolver';
import { SmsDispatchResolver } from '../sms-codes/sms-dispatch.resolver';
import { SmsDeliveryHealthResolver } from '../sms-delivery-health/sms-delivery-health.resolver';
import { SmsMethodsResolver } from '../sms-methods/sms-methods.resolver';
import { TotpMethodsResolver } from '../totp-methods/totp-methods.resolver';
import { TrustedDevicesResolver } from '../trusted-devices/trusted-devices.resolver';
import { TwoFactorMethodsResolver } from '../two-factor-methods/two-factor-methods.resolver';
import { UnrecognizedActivityResolver } from '../unrecognized-activity/unrecognized-activity.resolver';
import { VoiceCallsResolver } from '../voice-calls/voice-calls.resolver';

/** Every resolver class of the API; the schema test fails if one is missing here. */
export const RESOLVERS = [AccountsResolver, LoginResolver, SecondFactorResolver, SmsMethodsResolver, TotpMethodsResolver, SecurityKeysResolver, TwoFactorMethodsResolver, BackupCodesResolver, SecurityEventsResolver, SmsDispatchResolver, SmsDeliveryHealthResolver, SessionsResolver, TrustedDevicesResolver, EmailVerificationResolver, UnrecognizedActivityResolver, PasswordResetResolver, PasswordChangeResolver, AccountRecoveryResolver, VoiceCallsResolver];

/** Prints the schema from resolver metadata alone: no database, no Redis, no app boot. */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const factory = app.get(GraphQLSchemaFactory);
  const schema = await factory.create(RESOLVERS);
  await app.close();
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

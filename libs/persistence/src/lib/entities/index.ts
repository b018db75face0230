import { AccountEntity } from './account.entity';
import { AccountRecoveryEntity } from './account-recovery.entity';
import { BackupCodeEntity } from './backup-code.entity';
import { EmailMessageEntity } from './email-message.entity';
import { EmailVerificationTokenEntity } from './email-verification-token.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { LoginTicketEntity } from './login-ticket.entity';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { SecurityAlertTokenEntity } from './security-alert-token.entity';
import { SecurityEventEntity } from './security-event.entity';
import { SecurityKeyEntity } from './security-key.entity';
import { SecurityKeyLoginChallengeEntity } from './security-key-login-challenge.entity';
import { SecurityKeyRegistrationEntity } from './security-key-registration.entity';
import { SessionEntity } from './session.entity';
import { SmsAttemptEntity } from './sms-attempt.entity';
import { SmsCodeEntity } from './sms-code.entity';
import { SmsMessageEntity } from './sms-message.entity';
import { SmsMethodEntity } from './sms-method.entity';
import { SmsReceiptReplayEntity } from './sms-receipt-replay.entity';
import { TotpEnrollmentEntity } from './totp-enrollment.entity';
import { TotpMethodEntity } from './totp-method.entity';
import { TrustedDeviceEntity } from './trusted-device.entity';

export * from './account.entity';
export * from './account-recovery.entity';
export * from './backup-code.entity';
export * from './email-message.entity';
export * from './email-verification-token.entity';
export * from './login-failure.entity';
export * from './login-ticket.entity';
export * from './password-reset-token.entity';
export * from './security-alert-token.entity';
export * from './security-event.entity';
export * from './security-key.entity';
export * from './security-key-login-challenge.entity';
export * from './security-key-registration.entity';
export * from './session.entity';
export * from './sms-attempt.entity';
export * from './sms-code.entity';
export * from './sms-message.entity';
export * from './sms-method.entity';
export * from './sms-receipt-replay.entity';
export * from './totp-enrollment.entity';
export * from './totp-method.entity';
export * from './trusted-device.entity';

export const ENTITIES = [
  AccountEntity,
  SessionEntity,
  LoginTicketEntity,
  SmsMethodEntity,
  SmsCodeEntity,
  SmsMessageEntity,
  SmsAttemptEntity,
  BackupCodeEntity,
  SecurityEventEntity,
  LoginFailureEntity,
  TotpMethodEntity,
  TotpEnrollmentEntity,
  SecurityKeyEntity,
  SecurityKeyRegistrationEntity,
  SecurityKeyLoginChallengeEntity,
  TrustedDeviceEntity,
  SmsReceiptReplayEntity,
  EmailMessageEntity,
  EmailVerificationTokenEntity,
  PasswordResetTokenEntity,
  SecurityAlertTokenEntity,
  AccountRecoveryEntity,
];

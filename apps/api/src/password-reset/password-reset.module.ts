import { Module } from '@nestjs/common';
import { EmailOutboxModule } from '../email-outbox/email-outbox.module';
import { LoginModule } from '../login/login.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { PasswordChangeResolver } from './password-change.resolver';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetStore } from './password-reset.store';

/** Password change (signed in, sudo mode) and reset (a link e-mailed to the account's address). */
@Module({
  imports: [EmailOutboxModule, SmsOutboxModule, LoginModule, PasswordsModule, SessionsModule, SecurityEventsModule, TrustedDevicesModule],
  providers: [PasswordResetService, PasswordResetStore, PasswordResetResolver, PasswordChangeService, PasswordChangeResolver],
  exports: [PasswordResetService],
})
export class PasswordResetModule {}

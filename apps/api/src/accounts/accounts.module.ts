import { Module } from '@nestjs/common';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { AccountStore } from './account.store';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';

@Module({
  imports: [PasswordsModule, SessionsModule, SecurityEventsModule, TwoFactorModule, EmailVerificationModule],
  providers: [AccountsService, AccountStore, AccountsResolver],
  exports: [AccountsService],
})
export class AccountsModule {}

import { Module } from '@nestjs/common';
import { EmailOutboxModule } from '../email-outbox/email-outbox.module';
import { EmailVerificationResolver } from './email-verification.resolver';
import { EmailVerificationService } from './email-verification.service';
import { EmailVerificationStore } from './email-verification.store';

/** Verified e-mail: links issued at sign-up and on request, `verifyEmail`, `Account.emailVerified`. */
@Module({
  imports: [EmailOutboxModule],
  providers: [EmailVerificationService, EmailVerificationStore, EmailVerificationResolver],
  exports: [EmailVerificationService, EmailOutboxModule],
})
export class EmailVerificationModule {}

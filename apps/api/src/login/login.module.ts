import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecondFactorModule } from '../second-factor/second-factor.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { LoginThrottleService } from './login-throttle.service';
import { LoginResolver } from './login.resolver';
import { LoginService } from './login.service';
import { PasswordLoginStore } from './password-login.store';

/** The password step, logout and sudo mode. May depend on second-factor/; the reverse is refused by lint. */
@Module({
  imports: [PasswordsModule, SessionsModule, SecurityEventsModule, TwoFactorModule, SecondFactorModule],
  providers: [LoginService, LoginResolver, LoginThrottleService, PasswordLoginStore],
  exports: [LoginService],
})
export class LoginModule {}

import { Module } from '@nestjs/common';
import { AccountRecoveryModule } from '../account-recovery/account-recovery.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { UnrecognizedActivityResolver } from './unrecognized-activity.resolver';
import { UnrecognizedActivityService } from './unrecognized-activity.service';
import { UnrecognizedActivityStore } from './unrecognized-activity.store';

/** "This wasn't me": the public mutation behind the link of every security-notice e-mail. */
@Module({
  imports: [SessionsModule, TrustedDevicesModule, SecurityEventsModule, AccountRecoveryModule],
  providers: [UnrecognizedActivityService, UnrecognizedActivityStore, UnrecognizedActivityResolver],
  exports: [UnrecognizedActivityService],
})
export class UnrecognizedActivityModule {}

import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorActivationService } from './two-factor-activation.service';

@Module({
  imports: [SessionsModule, BackupCodesModule, SecurityEventsModule, TwoFactorModule, TrustedDevicesModule],
  providers: [TwoFactorActivationService],
  exports: [TwoFactorActivationService],
})
export class TwoFactorActivationModule {}

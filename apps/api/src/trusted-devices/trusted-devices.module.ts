import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDeviceStore } from './trusted-device.store';
import { TrustedDevicesResolver } from './trusted-devices.resolver';
import { TrustedDevicesService } from './trusted-devices.service';

/** Remembered devices: made by a second factor, used by the password step, forgotten by the changes that must end them. */
@Module({
  imports: [SecurityEventsModule, SmsOutboxModule],
  providers: [TrustedDevicesService, TrustedDeviceStore, TrustedDevicesResolver],
  exports: [TrustedDevicesService],
})
export class TrustedDevicesModule {}

import { Module } from '@nestjs/common';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { HealthController } from './health.controller';

@Module({ imports: [SmsOutboxModule], controllers: [HealthController] })
export class HealthModule {}

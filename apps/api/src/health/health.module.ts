import { Module } from '@nestjs/common';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { HealthController } from './health.controller';
import { PostgresProbe } from './postgres-probe.store';

@Module({ imports: [SmsOutboxModule], controllers: [HealthController], providers: [PostgresProbe] })
export class HealthModule {}

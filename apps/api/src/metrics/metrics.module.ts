import { Module } from '@nestjs/common';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { MetricsStore } from './metrics.store';

@Module({ imports: [SmsOutboxModule], controllers: [MetricsController], providers: [MetricsService, MetricsStore], exports: [MetricsService] })
export class MetricsModule {}

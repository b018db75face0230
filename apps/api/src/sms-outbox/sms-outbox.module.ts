import { Module } from '@nestjs/common';
import { SmsOutboxService } from './sms-outbox.service';

@Module({ providers: [SmsOutboxService], exports: [SmsOutboxService] })
export class SmsOutboxModule {}

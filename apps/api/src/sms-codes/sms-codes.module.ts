import { Module } from '@nestjs/common';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { SmsCodesService } from './sms-codes.service';
import { SmsDispatchResolver } from './sms-dispatch.resolver';
import { TicketsLookup } from './tickets-lookup';

@Module({ imports: [SmsOutboxModule], providers: [SmsCodesService, SmsDispatchResolver, TicketsLookup], exports: [SmsCodesService] })
export class SmsCodesModule {}

import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { SmsPumpingGuard } from '../sms-pumping/sms-pumping-guard.service';
import { SmsCodeStore } from './sms-code.store';
import { SmsCodesService } from './sms-codes.service';
import { SmsDispatchResolver } from './sms-dispatch.resolver';
import { SmsLedgerStore } from './sms-ledger.store';
import { TicketsLookup } from './tickets-lookup';

@Module({
  imports: [SmsOutboxModule, SecurityEventsModule],
  providers: [SmsPumpingGuard, SmsCodesService, SmsCodeStore, SmsLedgerStore, SmsDispatchResolver, TicketsLookup],
  exports: [SmsCodesService],
})
export class SmsCodesModule {}

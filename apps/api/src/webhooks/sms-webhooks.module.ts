import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SmsMessageEntity } from '@twofold/persistence';
import { DeliveryWatchClient } from './delivery-watch.client';
import { OvhOutgoingClient } from './ovh-outgoing.client';
import { OvhStatusController } from './ovh-status.controller';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { SmsReceiptsStore } from './sms-receipts.store';
import { TwilioStatusController } from './twilio-status.controller';
import { TwilioVoiceStatusController } from './twilio-voice-status.controller';
import { VonageStatusController } from './vonage-status.controller';
import { WebhookStatusController } from './webhook-status.controller';

/**
 * Delivery reports from SMS providers. Needs APP_CONFIG and Clock (global in AppModule),
 * TypeOrmModule.forRoot, Express's urlencoded body parser and, on the `webhook` receipt path,
 * rawReceiptBody() before the JSON parser (bootstrap.ts mounts both).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SmsMessageEntity])],
  controllers: [TwilioStatusController, WebhookStatusController, OvhStatusController, VonageStatusController, TwilioVoiceStatusController],
  providers: [SmsDeliveryReportsService, SmsReceiptsStore, OvhOutgoingClient, DeliveryWatchClient],
  exports: [SmsDeliveryReportsService],
})
export class SmsWebhooksModule {}

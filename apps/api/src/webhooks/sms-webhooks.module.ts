import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SmsMessageEntity } from '@twofold/persistence';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { TwilioStatusController } from './twilio-status.controller';

/**
 * Delivery reports from SMS providers. Needs APP_CONFIG and Clock (global in AppModule),
 * TypeOrmModule.forRoot, and Express's urlencoded body parser (bootstrap.ts turns it on).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SmsMessageEntity])],
  controllers: [TwilioStatusController],
  providers: [SmsDeliveryReportsService],
  exports: [SmsDeliveryReportsService],
})
export class SmsWebhooksModule {}

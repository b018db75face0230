import { Module } from '@nestjs/common';
import { SmsDeliveryHealthResolver } from './sms-delivery-health.resolver';
import { SmsDeliveryHealthService } from './sms-delivery-health.service';
import { SmsDeliveryHealthStore } from './sms-delivery-health.store';

@Module({ providers: [SmsDeliveryHealthService, SmsDeliveryHealthStore, SmsDeliveryHealthResolver], exports: [SmsDeliveryHealthService] })
export class SmsDeliveryHealthModule {}

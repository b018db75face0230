import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentAuth } from '../common/decorators';
import type { AuthState } from '../common/request-context';
import { SmsMethodModel } from '../two-factor/dto/two-factor-status.type';
import { SmsDeliveryHealthModel } from './dto/sms-delivery-health.type';
import { SmsDeliveryHealthService } from './sms-delivery-health.service';

@Resolver(() => SmsMethodModel)
export class SmsDeliveryHealthResolver {
  constructor(private readonly health: SmsDeliveryHealthService) {}

  /** Read only when asked for (the Security page), for the signed-in account's own number. */
  @ResolveField('delivery', () => SmsDeliveryHealthModel, {
    description: 'Delivery of the recent code SMS to this number, for "Last delivered …" and a warning when they failed.',
  })
  delivery(@Parent() method: SmsMethodModel, @CurrentAuth() auth: AuthState): Promise<SmsDeliveryHealthModel> {
    return this.health.of(auth.account.id, method.id);
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { TrustedDeviceModel } from './dto/trusted-device.type';
import { TrustedDevicesService } from './trusted-devices.service';

/** The Security page's "Remembered devices". Forgetting only takes trust away: no sudo mode needed. */
@Resolver(() => TrustedDeviceModel)
export class TrustedDevicesResolver {
  constructor(private readonly devices: TrustedDevicesService) {}

  @Query(() => [TrustedDeviceModel], { description: 'Devices remembered for this account: a correct password there skips the second factor.' })
  trustedDevices(@CurrentAuth() auth: AuthState): Promise<TrustedDeviceModel[]> {
    return this.devices.list(auth);
  }

  @Mutation(() => [TrustedDeviceModel])
  forgetTrustedDevice(@CurrentAuth() auth: AuthState, @Args('id', { type: () => ID }) id: string, @Meta() meta: RequestMeta): Promise<TrustedDeviceModel[]> {
    return this.devices.forget(auth, id, meta);
  }

  @Mutation(() => [TrustedDeviceModel])
  forgetAllTrustedDevices(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<TrustedDeviceModel[]> {
    return this.devices.forgetAll(auth, meta);
  }
}

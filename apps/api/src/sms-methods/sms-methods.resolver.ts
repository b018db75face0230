import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { toSmsMethodModel, toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { SmsMethodModel, TwoFactorStatusModel } from '../two-factor/dto/two-factor-status.type';
import { AddSmsMethodInput } from './dto/add-sms-method.input';
import { ConfirmSmsMethodInput } from './dto/confirm-sms-method.input';
import { AddSmsMethodPayloadModel, ConfirmSmsMethodPayloadModel } from './dto/sms-method-payloads.type';
import { UpdateSmsMethodInput } from './dto/update-sms-method.input';
import { SmsMethodsService } from './sms-methods.service';

@Resolver()
export class SmsMethodsResolver {
  constructor(private readonly methods: SmsMethodsService) {}

  @Mutation(() => AddSmsMethodPayloadModel, { description: 'Registers a mobile number (pending) and sends it a confirmation code.' })
  async addSmsMethod(@CurrentAuth() auth: AuthState, @Args('input') input: AddSmsMethodInput, @Meta() meta: RequestMeta): Promise<AddSmsMethodPayloadModel> {
    const { method, dispatch } = await this.methods.add(auth, input.phoneNumber, meta);
    return { method: toSmsMethodModel(method), dispatch };
  }

  @Mutation(() => SmsCodeDispatchModel)
  resendSmsMethodCode(@CurrentAuth() auth: AuthState, @Args('methodId', { type: () => ID }) methodId: string, @Meta() meta: RequestMeta): Promise<SmsCodeDispatchModel> {
    return this.methods.resend(auth, methodId, meta);
  }

  @Mutation(() => ConfirmSmsMethodPayloadModel, {
    description: 'Confirms a pending number with the code it received; the first confirmed method enables 2FA and returns emergency codes once.',
  })
  async confirmSmsMethod(@CurrentAuth() auth: AuthState, @Args('input') input: ConfirmSmsMethodInput, @Meta() meta: RequestMeta): Promise<ConfirmSmsMethodPayloadModel> {
    const r = await this.methods.confirm(auth, input, meta);
    return { method: toSmsMethodModel(r.method), twoFactor: toTwoFactorStatusModel(r.twoFactor), backupCodes: r.backupCodes };
  }

  @Mutation(() => SmsMethodModel)
  async updateSmsMethod(@CurrentAuth() auth: AuthState, @Args('input') input: UpdateSmsMethodInput, @Meta() meta: RequestMeta): Promise<SmsMethodModel> {
    return toSmsMethodModel(await this.methods.update(auth, input, meta));
  }

  @Mutation(() => TwoFactorStatusModel)
  async removeSmsMethod(@CurrentAuth() auth: AuthState, @Args('methodId', { type: () => ID }) methodId: string, @Meta() meta: RequestMeta): Promise<TwoFactorStatusModel> {
    return toTwoFactorStatusModel(await this.methods.remove(auth, methodId, meta));
  }

  @Mutation(() => TwoFactorStatusModel)
  async setDefaultTwoFactorMethod(
    @CurrentAuth() auth: AuthState,
    @Args('methodId', { type: () => ID }) methodId: string,
    @Meta() meta: RequestMeta,
  ): Promise<TwoFactorStatusModel> {
    return toTwoFactorStatusModel(await this.methods.setDefault(auth, methodId, meta));
  }
}

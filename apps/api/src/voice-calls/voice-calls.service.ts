import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Errors } from '../common/errors';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecondFactorService } from '../second-factor/second-factor.service';
import type { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { SmsMethodsService } from '../sms-methods/sms-methods.service';

/**
 * "Call me instead" (issue 14, item 3): a login or confirmation code read out by a phone call to the
 * number. It is the SMS path with channel VOICE, so everything an SMS goes through holds: the
 * ticket or pending-number rules, the resend cooldown, the hourly limits per number, account and
 * IP, the prefix and global budgets (a call is one row of the same ledger), the outbox, relay and
 * sealed job. A call reads out the live code when there is one (SmsCodesService.issue), so there
 * is never a second live value. Only Twilio places calls: without it, VOICE_UNAVAILABLE.
 */
@Injectable()
export class VoiceCallsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secondFactor: SecondFactorService,
    private readonly smsMethods: SmsMethodsService,
  ) {}

  get available(): boolean {
    return this.config.sms.voice !== undefined;
  }

  /** Before anything is read or counted: a deployment without calls spends no limit on them. */
  private assertAvailable(): void {
    if (!this.available) throw Errors.voiceUnavailable();
  }

  callLoginCode(ticket: string, methodId: string, meta: RequestMeta, auth: AuthState | null): Promise<SmsCodeDispatchModel> {
    this.assertAvailable();
    return this.secondFactor.sendLoginSmsCode(ticket, methodId, meta, auth, 'VOICE');
  }

  callMethodCode(auth: AuthState, methodId: string, meta: RequestMeta): Promise<SmsCodeDispatchModel> {
    this.assertAvailable();
    return this.smsMethods.resend(auth, methodId, meta, 'VOICE');
  }
}

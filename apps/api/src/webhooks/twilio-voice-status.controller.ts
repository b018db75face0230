import { Controller, ForbiddenException, Headers, HttpCode, Inject, Logger, NotFoundException, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { TWILIO_VOICE_PROVIDER, TWILIO_VOICE_STATUS_PATH, verifyTwilioSignature } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { mapTwilioCallStatus } from './utils/twilio-call-status.util';
import { urlVariants } from './utils/twilio-status.util';

/**
 * POST /webhooks/voice/twilio: how a "Call me instead" call ended (Twilio's call StatusCallback, a
 * form post with CallSid and CallStatus), signed as Twilio signs every callback: X-Twilio-Signature,
 * base64 HMAC-SHA1 keyed with the auth token over PUBLIC_API_URL + path followed by the sorted POST
 * parameters. Unsigned or wrongly signed, or no Twilio voice configured: 403. 204 when applied or
 * already applied (idempotent, order-tolerant like the SMS receipts); 404 for an unknown call sid.
 */
@Controller('webhooks/voice')
export class TwilioVoiceStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly clock: Clock,
  ) {}

  @Post('twilio')
  @HttpCode(204)
  async callStatus(@Req() req: Request, @Headers('x-twilio-signature') signature: string | undefined): Promise<void> {
    const authToken = this.config.sms.voice?.authToken;
    const form = req.body && typeof req.body === 'object' && !Array.isArray(req.body) && !Buffer.isBuffer(req.body) ? (req.body as Record<string, string | string[]>) : null;
    const url = this.config.publicApiUrl + TWILIO_VOICE_STATUS_PATH;
    if (!authToken || !form || !urlVariants(url).some((u) => verifyTwilioSignature(authToken, u, form, signature, 'sha1'))) {
      this.logger.warn({ msg: `refused a Twilio call callback: ${!authToken ? 'Twilio voice is not configured' : !form ? 'no form body' : `${signature ? 'a wrong' : 'no'} X-Twilio-Signature (signed URL must be ${url})`}`, requestId: requestIdOf(req) });
      throw new ForbiddenException();
    }
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    const sid = one(form['CallSid']);
    if (!sid) return;
    const status = one(form['CallStatus']);
    const outcome = await this.reports.apply(TWILIO_VOICE_PROVIDER, sid, mapTwilioCallStatus(status), this.clock.now());
    this.logger.debug({ msg: `twilio call status ${status} for ${sid}: ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }
}

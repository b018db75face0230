import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  Logger,
  NotFoundException,
  Post,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { twilioSignatureAlgorithm, verifyTwilioBodyHash, verifyTwilioSignature } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { mapTwilioStatus, twilioJsonParams, urlVariants } from './utils/twilio-status.util';

export const TWILIO_STATUS_CALLBACK_PATH = '/webhooks/sms/twilio';

/**
 * POST /webhooks/sms/twilio: Twilio's message status callbacks (form posts with MessageSid,
 * MessageStatus, ErrorCode). Verified as Twilio documents it: X-Twilio-Signature is the base64
 * HMAC-SHA1, keyed with the auth token, of PUBLIC_API_URL + path (+ query) followed by every
 * POST parameter name and value sorted by name. When a Twilio Webhook Rule signs with a SharedKey,
 * X-Twilio-Webhooks-Signature-Settings names the algorithm (HMAC_SHA256) and the key is
 * TWILIO_WEBHOOK_SHARED_KEY instead; the signed string is the same. A JSON body (Twilio's newer
 * webhooks) is signed as the URL alone, which carries `bodySHA256` (hex SHA-256 of the raw body,
 * checked too). Unsigned or wrongly signed: 403; a signed JSON body that is not an object: 400.
 * 204 when applied or already applied; 404 when no message has that sid (yet): the fake
 * gateway retries, and a late report cannot create state.
 */
@Controller('webhooks/sms')
export class TwilioStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly clock: Clock,
  ) {}

  @Post('twilio')
  @HttpCode(204)
  async twilioStatus(
    @Req() req: Request,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Headers('x-twilio-webhooks-signature-settings') settings: string | undefined,
  ): Promise<void> {
    const algorithm = twilioSignatureAlgorithm(settings);
    // No settings header: the auth token and HMAC-SHA1; with it: the SharedKey's secret and its algorithm.
    const authToken = settings ? this.config.sms.twilio?.webhookSharedKey : this.config.sms.twilio?.authToken;
    const raw = Buffer.isBuffer(req.body) ? req.body : null;
    const form =
      !raw && req.body && typeof req.body === 'object' && !Array.isArray(req.body)
        ? (req.body as Record<string, string | string[]>)
        : null;
    if (!authToken || (!raw && !form) || !algorithm) {
      const why = !algorithm
        ? 'X-Twilio-Webhooks-Signature-Settings names an algorithm we do not accept'
        : !authToken
          ? `twilio is not configured (${settings ? 'TWILIO_WEBHOOK_SHARED_KEY' : 'TWILIO_AUTH_TOKEN'})`
          : 'no form or JSON body';
      this.logger.warn({
        msg: `refused a Twilio callback: ${why}`,
        requestId: requestIdOf(req),
      });
      throw new ForbiddenException();
    }
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const url = this.config.publicApiUrl + TWILIO_STATUS_CALLBACK_PATH + query;
    const signed = raw
      ? verifyTwilioBodyHash(raw, new URLSearchParams(query).get('bodySHA256')) &&
        urlVariants(url).some((u) => verifyTwilioSignature(authToken, u, {}, signature, algorithm))
      : urlVariants(url).some((u) => verifyTwilioSignature(authToken, u, form ?? {}, signature, algorithm));
    if (!signed) {
      this.logger.warn({
        msg: `refused a Twilio callback with ${signature ? 'a wrong' : 'no'} X-Twilio-Signature (signed URL must be ${url})`,
        requestId: requestIdOf(req),
      });
      throw new ForbiddenException();
    }
    const params = raw ? twilioJsonParams(raw) : form;
    if (!params) throw new BadRequestException();
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    const sid = one(params['MessageSid']) ?? one(params['SmsSid']);
    if (!sid) return;
    const status = one(params['MessageStatus']) ?? one(params['SmsStatus']);
    const transition = mapTwilioStatus(status, one(params['ErrorCode']) || undefined);
    const outcome = await this.reports.apply('twilio', sid, transition, this.clock.now());
    this.logger.debug({ msg: `twilio status ${status} for ${sid}: ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }
}

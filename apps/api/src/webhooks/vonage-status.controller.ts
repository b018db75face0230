import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  NotFoundException,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { RECEIPT_WINDOW_SECONDS, verifyVonageReceipt, vonageReceiptStatus } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import type { DeliveryTransition } from './utils/twilio-status.util';

const MESSAGE_ID = /^[0-9A-Za-z-]{1,64}$/;

/** Every parameter as one string (query for GET; form or JSON body for POST, as the dashboard's "HTTP method" chooses). */
function paramsOf(req: Request): Record<string, string> | null {
  const source: unknown = req.method === 'GET' ? req.query : req.body;
  if (!source || typeof source !== 'object' || Buffer.isBuffer(source) || Array.isArray(source)) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    if (typeof v === 'string') params[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') params[k] = String(v);
    else return null;
  }
  return params;
}

/**
 * {PUBLIC_API_URL}/webhooks/sms/vonage: delivery receipts of the Vonage SMS API (the worker sends
 * this URL as each message's `callback`). Only signed receipts are accepted (Vonage's signed
 * webhooks, VONAGE_SIGNATURE_SECRET and VONAGE_SIGNATURE_METHOD; docs/sms-delivery-receipts.md):
 *   401 (no detail) no secret configured, a missing or wrong `sig`, another account's `api-key`,
 *       a `timestamp` more than 5 minutes off our clock;
 *   400 no `messageId`; 404 a signed receipt for a message we do not know (yet: Vonage retries);
 *   204 applied, already applied (idempotent, order-tolerant) or the same signed receipt again (a replay).
 */
@Controller('webhooks/sms')
export class VonageStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly clock: Clock,
  ) {}

  @Get('vonage')
  @HttpCode(204)
  vonageStatusGet(@Req() req: Request): Promise<void> {
    return this.handle(req);
  }

  @Post('vonage')
  @HttpCode(204)
  vonageStatusPost(@Req() req: Request): Promise<void> {
    return this.handle(req);
  }

  private async handle(req: Request): Promise<void> {
    const vonage = this.config.sms.vonage;
    const params = paramsOf(req);
    const now = this.clock.now();
    const check = !vonage?.signatureSecret
      ? 'not-configured'
      : !params
        ? 'missing'
        : params['api-key'] !== undefined && params['api-key'] !== vonage.apiKey
          ? 'another account'
          : verifyVonageReceipt(
              params,
              vonage.signatureSecret,
              vonage.signatureMethod,
              Math.floor(now.getTime() / 1000),
            );
    if (check !== 'ok' || !params) {
      this.logger.warn({ msg: `refused a Vonage delivery receipt: ${check}`, requestId: requestIdOf(req) });
      throw new UnauthorizedException();
    }
    const id = params['messageId'];
    if (!id || !MESSAGE_ID.test(id)) throw new BadRequestException();
    const status = params['status'];
    const errCode = params['err-code'];
    const mapped = vonageReceiptStatus(status);
    const transition: DeliveryTransition =
      mapped === 'sent'
        ? { to: 'SENT' }
        : mapped === 'delivered'
          ? { to: 'DELIVERED' }
          : mapped === 'failed'
            ? { to: 'FAILED', reason: `vonage ${status}${errCode && errCode !== '0' ? ` (err-code ${errCode})` : ''}` }
            : { to: 'IGNORE' };
    const hash = createHash('sha256').update(params['sig'].toLowerCase()).digest();
    const expiresAt = new Date((Number(params['timestamp']) + RECEIPT_WINDOW_SECONDS) * 1000);
    const outcome = await this.reports.applyOnce(hash, expiresAt, 'vonage', id, transition, now);
    this.logger.debug({ msg: `vonage receipt ${status} for ${id}: ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }
}

import {
  BadRequestException,
  Controller,
  Headers,
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
import { RECEIPT_WINDOW_SECONDS, verifyWebhookReceipt } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { parseWebhookReceipt } from './utils/receipt-body.util';

/**
 * POST /webhooks/sms/webhook: delivery receipts of the `webhook` provider (docs/sms-delivery-receipts.md).
 * X-Twofold-Timestamp (Unix seconds) and X-Twofold-Signature (`sha256=` + hex
 * HMAC-SHA256(SMS_WEBHOOK_SECRET, timestamp + "." + raw body)), compared in constant time; more
 * than 5 minutes off our clock either way is refused. Answers, in this order:
 *   401 (no detail) no secret configured, a missing or wrong signature, a stale timestamp;
 *   400 a body that is not a receipt; 413 a body over 4 KiB;
 *   204 applied, already applied (idempotent, order-tolerant), or the same signed request again
 *       within the window (a replay: acknowledged, not applied again; claim and receipt are one
 *       transaction, SmsDeliveryReportsService.applyOnce);
 *   404 a correctly signed receipt for a message id we do not know (yet): only the secret's
 *       holder can ask, and it lets the gateway retry a receipt that raced the worker's write.
 */
@Controller('webhooks/sms')
export class WebhookStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly clock: Clock,
  ) {}

  @Post('webhook')
  @HttpCode(204)
  async webhookStatus(
    @Req() req: Request,
    @Headers('x-twofold-timestamp') timestamp: string | undefined,
    @Headers('x-twofold-signature') signature: string | undefined,
  ): Promise<void> {
    const secret = this.config.sms.webhook?.secret;
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = this.clock.now();
    const check = secret
      ? verifyWebhookReceipt(secret, timestamp, signature, raw, Math.floor(now.getTime() / 1000))
      : 'not-configured';
    if (check !== 'ok') {
      this.logger.warn({ msg: `refused a webhook receipt: ${check}`, requestId: requestIdOf(req) });
      throw new UnauthorizedException();
    }
    const receipt = parseWebhookReceipt(raw);
    if (!receipt) throw new BadRequestException();
    const hash = createHash('sha256').update(signature as string).digest();
    const expiresAt = new Date((Number(timestamp) + RECEIPT_WINDOW_SECONDS) * 1000);
    const outcome = await this.reports.applyOnce(hash, expiresAt, 'webhook', receipt.id, receipt.transition, now);
    this.logger.debug({ msg: `webhook receipt ${receipt.transition.to} for ${receipt.id}: ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }
}

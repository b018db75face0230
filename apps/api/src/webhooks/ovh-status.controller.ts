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
import type { Request } from 'express';
import { verifyOvhCallbackToken } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { SmsReceiptsStore } from './sms-receipts.store';
import { mapOvhDlr } from './utils/receipt-body.util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OVH_ID = /^[0-9A-Za-z_-]{1,64}$/;

type Params = Record<string, unknown>;
const one = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

/**
 * GET or POST /webhooks/sms/ovh?m={our message id}&t={token}: OVHcloud's delivery reports (the
 * `callBack` URL the worker gives each job). OVHcloud does not sign them, so the URL carries a
 * token only APP_SECRET's holders compute (HMAC of the message id, libs/shared/sms-queue
 * receipts.ts), and the report's `id` must be the job id we stored for that message. OVHcloud's
 * parameters (query or form): `id`, `dlr` (1 delivered, 2/16 not delivered, 4/8 on its way),
 * `description`. 401 a missing or wrong token; 400 no id or dlr; 404 the id is not that message's;
 * 200 applied or already applied (idempotent, order-tolerant).
 */
@Controller('webhooks/sms')
export class OvhStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly store: SmsReceiptsStore,
    private readonly clock: Clock,
  ) {}

  @Get('ovh')
  @HttpCode(200)
  ovhStatusGet(@Req() req: Request): Promise<void> {
    return this.handle(req);
  }

  @Post('ovh')
  @HttpCode(200)
  ovhStatusPost(@Req() req: Request): Promise<void> {
    return this.handle(req);
  }

  private async handle(req: Request): Promise<void> {
    const query = req.query as Params;
    const messageId = one(query['m']);
    if (!messageId || !UUID.test(messageId) || !verifyOvhCallbackToken(this.config.appSecret, messageId, one(query['t']))) {
      this.logger.warn({ msg: 'refused an OVHcloud delivery report: missing or wrong token', requestId: requestIdOf(req) });
      throw new UnauthorizedException();
    }
    const body: Params = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Params) : {};
    const param = (name: string) => one(body[name]) ?? one(query[name]);
    const id = param('id');
    const dlr = param('dlr');
    if (!id || !OVH_ID.test(id) || !dlr) throw new BadRequestException();
    if (!(await this.store.isOvhMessage(messageId, id))) throw new NotFoundException();
    const outcome = await this.reports.apply('ovh', id, mapOvhDlr(dlr, param('description')), this.clock.now());
    this.logger.debug({ msg: `ovh dlr ${dlr} for ${id}: ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }
}

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
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { verifyOvhCallbackToken } from '@twofold/sms-queue';
import { Clock } from '../common/clock';
import { requestIdOf } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OvhOutgoingClient } from './ovh-outgoing.client';
import { SmsDeliveryReportsService } from './sms-delivery-reports.service';
import { SmsReceiptsStore } from './sms-receipts.store';
import { mapOvhDlr } from './utils/receipt-body.util';
import type { DeliveryTransition } from './utils/twilio-status.util';

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
 * `description`. With OVH_* credentials the API then reads the SMS back from OVHcloud
 * (ovh-outgoing.client.ts) and applies that record's `deliveryReceipt`, not the report's claim;
 * without them the token alone vouches. 401 a missing or wrong token; 400 no id or dlr; 404 the id
 * is not that message's; 503 OVHcloud could not be asked (send it again); 200 applied, already
 * applied or not confirmed (idempotent, order-tolerant).
 */
@Controller('webhooks/sms')
export class OvhStatusController {
  private readonly logger = new Logger('SmsWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: SmsDeliveryReportsService,
    private readonly store: SmsReceiptsStore,
    private readonly outgoing: OvhOutgoingClient,
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
    const transition = await this.confirmed(id, dlr, param('description'), req);
    const outcome = await this.reports.apply('ovh', id, transition, this.clock.now());
    this.logger.debug({ msg: `ovh dlr ${dlr} for ${id}: ${transition.to}, ${outcome}`, requestId: requestIdOf(req) });
    if (outcome === 'unknown-message') throw new NotFoundException();
  }

  /** What OVHcloud's own record says (when the API can ask), else what the token-verified report says. */
  private async confirmed(id: string, dlr: string, description: string | undefined, req: Request): Promise<DeliveryTransition> {
    if (!this.outgoing.configured) return mapOvhDlr(dlr, description);
    let receipt: number | null;
    try {
      receipt = await this.outgoing.deliveryReceipt(id);
    } catch (err) {
      this.logger.warn({ msg: `could not confirm an OVHcloud delivery report for ${id}: ${(err as Error).message}`, requestId: requestIdOf(req) });
      throw new ServiceUnavailableException();
    }
    const transition = receipt === null ? { to: 'IGNORE' as const } : mapOvhDlr(String(receipt), description);
    if (String(receipt) !== dlr)
      this.logger.debug({ msg: `ovh report for ${id} said dlr ${dlr}, OVHcloud's record says ${receipt ?? 'nothing'}`, requestId: requestIdOf(req) });
    return transition;
  }
}

import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { PostgresProbe } from './postgres-probe.store';

/**
 * GET /health and /health/ready: 200 when PostgreSQL and Redis answer, 503 (naming which failed)
 * otherwise; GET /health/live: 200 while the process serves requests (for restarts, not routing).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly postgres: PostgresProbe,
    private readonly outbox: SmsOutboxService,
  ) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: string; postgres: string; redis: string }> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.postgres.ping(), 2000),
      withTimeout(this.outbox.pingRedis(), 2000),
    ]);
    const ok = postgres && redis;
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'degraded', postgres: postgres ? 'up' : 'down', redis: redis ? 'up' : 'down' };
  }
}

function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  return Promise.race([p.catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
}

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { NextFunction, Request, Response } from 'express';
import { SMS_QUEUE_NAME } from '@twofold/sms-queue';
import type { AppConfig } from '@twofold/config';
import { bearerMatches } from '../metrics/metrics.controller';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The operator view of the SMS queue (Bull Board) at /admin/queues, only when ADMIN_TOKEN is set,
 * behind that token (Authorization: Bearer, or HTTP Basic with any user name and the token as
 * password, so a browser can open it). Job data is sealed, so the board shows no code or number.
 */
export function queueBoard(config: AppConfig): { path: string; handlers: ((req: Request, res: Response, next: NextFunction) => void)[]; close: () => Promise<void> } | null {
  const token = config.adminToken;
  if (!token) return null;
  const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const queue = new Queue(SMS_QUEUE_NAME, { connection, prefix: config.queuePrefix });
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter });
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const basic = /^Basic (.+)$/.exec(header ?? '');
    const password = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').slice(1).join(':') : undefined;
    if (bearerMatches(header, token) || (password !== undefined && bearerMatches(`Bearer ${password}`, token))) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Twofold operators"');
    res.status(401).send('unauthorized');
  };
  return {
    path: QUEUE_BOARD_PATH,
    handlers: [guard, serverAdapter.getRouter()],
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { EMAIL_QUEUE_NAME, SMS_QUEUE_NAME } from '@twofold/sms-queue';
import type { AppConfig } from '@twofold/config';
import { createRedisConnection } from '@twofold/redis-connection';
import { bearerMatches } from '../metrics/metrics.controller';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The operator view of the SMS queue (Bull Board) at /admin/queues, only when ADMIN_TOKEN is set,
 * behind that token (Authorization: Bearer, or HTTP Basic with any user name and the token as
 * password, so a browser can open it). Job data is sealed, so the board shows no code or number.
 *
 * Always read-only, with no opt-in: a message's state lives in PostgreSQL (`sms_message`) and the
 * API's relay re-enqueues lost ones, so a retry, clean, edit or add from the board would act behind
 * the outbox's back. Refused twice: Bull Board's own `readOnlyMode`, and any method but GET/HEAD
 * answered 405 before the board's router.
 */
export function queueBoard(config: AppConfig): { path: string; handlers: ((req: Request, res: Response, next: NextFunction) => void)[]; close: () => Promise<void> } | null {
  const token = config.adminToken;
  if (!token) return null;
  const connection = createRedisConnection(config, 'board');
  connection.on('error', () => undefined);
  const queue = new Queue(SMS_QUEUE_NAME, { connection, prefix: config.queuePrefix });
  // The e-mail queue beside it (its jobs sealed the same way: no address or link shown).
  const emailQueue = new Queue(EMAIL_QUEUE_NAME, { connection, prefix: config.queuePrefix });
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: true }), new BullMQAdapter(emailQueue, { readOnlyMode: true })], serverAdapter });
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const basic = /^Basic (.+)$/.exec(header ?? '');
    const password = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').slice(1).join(':') : undefined;
    if (bearerMatches(header, token) || (password !== undefined && bearerMatches(`Bearer ${password}`, token))) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Twofold operators"');
    res.status(401).send('unauthorized');
  };
  const readOnly = (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    res.setHeader('Allow', 'GET, HEAD');
    res.status(405).send('the queue view is read-only');
  };
  return {
    path: QUEUE_BOARD_PATH,
    handlers: [guard, readOnly, serverAdapter.getRouter()],
    close: async () => {
      await queue.close();
      await emailQueue.close();
      connection.disconnect();
    },
  };
}

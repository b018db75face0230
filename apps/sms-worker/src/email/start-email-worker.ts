import type { Pool } from 'pg';
import type { AppConfig } from '@twofold/config';
import type { RedisConnection } from '@twofold/redis-connection';
import { deriveKey } from '@twofold/sms-queue';
import type { Logger } from '../logger';
import type { WorkerSettings } from '../worker-config';
import { createEmailWorker } from './email-processor';
import { EmailMessageStore } from './email-message.store';
import { createSmtpMailer } from './mailer';

/** The e-mail side of the worker process, or null when SMTP_URL is not set (then MAIL_FROM is not needed either). */
export function startEmailWorker(app: AppConfig, settings: WorkerSettings, redis: RedisConnection, db: Pool, logger: Logger) {
  const { smtpUrl, from } = app.mail;
  if (!smtpUrl || !from) return null;
  const mailer = createSmtpMailer(smtpUrl, from, app.sms.requestTimeoutMs, app.webOriginHost);
  const worker = createEmailWorker(
    { connection: redis, prefix: app.queuePrefix, concurrency: app.mail.workerConcurrency, lockDurationMs: settings.lockDurationMs, stalledIntervalMs: settings.stalledIntervalMs },
    { store: new EmailMessageStore(db), mailer, payloadKey: deriveKey(app.appSecret, 'email-payload'), webOrigin: app.webOrigin, logger },
  );
  return {
    worker,
    async close() {
      await worker.close();
      mailer.close();
    },
  };
}

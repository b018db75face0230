import { Pool } from 'pg';
import { ConfigError } from '@twofold/config';
import { usePreparedStatements } from '@twofold/persistence/pg';
import { deriveKey } from '@twofold/sms-queue';
import { Queue } from 'bullmq';
import { SMS_QUEUE_NAME, SMS_WATCH_QUEUE_NAME } from '@twofold/sms-queue';
import { createDeliveryWatchWorker, DeliveryWatchScheduler } from './delivery-watch';
import { DeliveryWatchStore } from './delivery-watch.store';
import { DeliveryWatchSweep } from './delivery-watch-sweep';
import { describeRedis } from '@twofold/redis-connection';
import { startHealthServer } from './health';
import { WorkerMetrics } from './metrics';
import { createLogger, Logger } from './logger';
import { createProviderChain, createProviderGate } from './providers/provider-factory';
import { providerHealthEvents, watchProviderHealth } from './provider-health-observer';
import { createWorkerRedis } from './redis';
import { SmsMessageStore } from './sms-message.store';
import { createSmsWorker } from './sms-worker';
import { createVoiceCaller } from './voice-call';
import { startEmailWorker } from './email/start-email-worker';
import { loadWorkerConfig, WorkerConfig } from './worker-config';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A plain pg Pool: the worker runs four single-statement UPDATEs (sms-message.store.ts), so an
 * ORM would only add CPU per query. A broken idle connection (PostgreSQL restarted) is
 * dropped by the pool and logged; the next query opens a new one.
 */
async function connectDatabase(config: WorkerConfig, logger: Logger, stopping: () => boolean): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const db = new Pool({
      connectionString: config.app.databaseUrl,
      max: Math.min(config.app.sms.workerConcurrency + 2, 20),
      application_name: 'twofold-sms-worker',
    });
    db.on('error', (err) => logger.warn('postgresql connection lost; it will be reopened', { error: err.message }));
    try {
      await db.query('SELECT 1');
      return db;
    } catch (err) {
      await db.end().catch(() => undefined);
      if (stopping()) throw err;
      logger.warn('postgresql not reachable; retrying', { attempt, error: (err as Error).message });
      await sleep(Math.min(500 * attempt, 5000));
    }
  }
}

async function main(): Promise<void> {
  let config: WorkerConfig;
  try {
    config = loadWorkerConfig();
  } catch (err) {
    process.stderr.write(
      (err instanceof ConfigError ? err.message : `Configuration error: ${(err as Error).message}`) + '\n',
    );
    process.exit(1);
  }
  const { app, worker: settings } = config;
  const logger = createLogger(app.logLevel);
  let stopping = false;
  let shutdown: (signal: string) => void = () => process.exit(0);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  let chain;
  try {
    chain = createProviderChain(app, logger, settings.failoverAfterAttempts);
  } catch (err) {
    process.stderr.write(`Configuration error: ${(err as Error).message}\n`);
    process.exit(1);
  }

  // Behind PgBouncer < 1.21 (transaction mode) the store's named statements go unnamed.
  usePreparedStatements(app.databasePreparedStatements);
  const db = await connectDatabase(config, logger, () => stopping);
  const redis = createWorkerRedis(app, logger);
  const store = new SmsMessageStore(db);
  const queue = new Queue(SMS_QUEUE_NAME, { connection: redis, prefix: app.queuePrefix });
  const metrics = new WorkerMetrics(() => queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'));
  // Breaker, 429 pauses and rate limits per provider, shared by every worker through Redis.
  const gate = createProviderGate(app, redis, logger, providerHealthEvents(metrics, logger));
  chain.gate = gate;
  watchProviderHealth(metrics, chain.names, gate);
  const payloadKey = deriveKey(app.appSecret, 'sms-payload');
  // Receipt-driven fallback (delivery-watch.ts): its own queue, so its steps skip the SMS rate limiter.
  const watchQueue = new Queue(SMS_WATCH_QUEUE_NAME, { connection: redis, prefix: app.queuePrefix });
  const watch = new DeliveryWatchScheduler(watchQueue, chain, app.sms.deliveryTimeoutSeconds * 1000);
  const watchStore = new DeliveryWatchStore(db);
  // Always on, even with one provider: watches added under an earlier route still finish (they
  // then find no provider left, clear their deadlines and fail a message whose attempts all failed).
  const watchWorker = createDeliveryWatchWorker(
    {
      connection: redis,
      prefix: app.queuePrefix,
      concurrency: Math.min(app.sms.workerConcurrency, 20),
      lockDurationMs: settings.lockDurationMs,
      stalledIntervalMs: settings.stalledIntervalMs,
    },
    { store: watchStore, chain, payloadKey, timeoutMs: watch.timeoutMs, logger, metrics },
  );
  // Watches a Redis restarted empty lost, added again from PostgreSQL (delivery-watch-sweep.ts).
  const sweep = new DeliveryWatchSweep({
    store: watchStore,
    scheduler: watch,
    queue: watchQueue,
    bodyKey: deriveKey(app.appSecret, 'sms-body'),
    payloadKey,
    logger,
    metrics,
    graceMs: app.sms.watchSweepSeconds * 1000,
  });
  const worker = createSmsWorker(
    {
      connection: redis,
      prefix: app.queuePrefix,
      concurrency: app.sms.workerConcurrency,
      ratePerSecond: app.sms.ratePerSecond,
      lockDurationMs: settings.lockDurationMs,
      stalledIntervalMs: settings.stalledIntervalMs,
    },
    { store, chain, payloadKey, logger, metrics, watch, voice: createVoiceCaller(app) },
  );

  // E-mail (its own queue) only when SMTP_URL is set; otherwise e-mails wait, QUEUED, for a worker that has it.
  const email = startEmailWorker(app, settings, redis, db, logger);

  const health = await startHealthServer(
    settings.healthPort,
    settings.healthHost,
    {
      redis: async () =>
        redis.status === 'ready' && (await redis.ping()) === 'PONG'
          ? { ok: true }
          : { ok: false, detail: `connection ${redis.status}` },
      postgresql: async () => {
        await db.query('SELECT 1');
        return { ok: true };
      },
      ...(email
        ? { email: async () => (email.worker.isRunning() && !stopping ? { ok: true } : { ok: false, detail: stopping ? 'shutting down' : 'not running' }) }
        : {}),
      worker: async () =>
        worker.isRunning() && !stopping
          ? { ok: true }
          : { ok: false, detail: stopping ? 'shutting down' : 'not running' },
    },
    1500,
    { contentType: metrics.registry.contentType, render: () => metrics.registry.metrics() },
  );

  // "started" means connected: the health endpoint answers 503 until then.
  await worker.waitUntilReady();
  await watchWorker.waitUntilReady();
  sweep.start(app.sms.watchSweepSeconds * 1000);
  await email?.worker.waitUntilReady();
  logger.info('sms worker started', {
    providers: chain.names,
    voiceCalls: app.sms.voice ? `twilio, from ${app.sms.voice.from}` : 'off',
    routes: app.sms.routes,
    breaker: app.sms.health.breakerFailures ? `${app.sms.health.breakerFailures} failures, ${app.sms.health.breakerCooldownSeconds} s` : 'off',
    providerRateLimits: app.sms.health.rateLimits,
    concurrency: app.sms.workerConcurrency,
    ratePerSecond: app.sms.ratePerSecond,
    queuePrefix: app.queuePrefix,
    redis: describeRedis(app),
    deliveryWatch: watch.active ? `on (${app.sms.deliveryTimeoutSeconds} s)` : 'off (one provider, or none with receipts)',
    watchSweep: app.sms.watchSweepSeconds > 0 ? `every ${app.sms.watchSweepSeconds} s` : 'off',
    healthPort: health.port,
    email: email ? 'smtp' : 'off (SMTP_URL not set)',
    pid: process.pid,
  });

  shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping: taking no new SMS, waiting for those in flight', { signal });
    const force = setTimeout(() => {
      logger.error('in-flight sends did not finish in time; exiting (their jobs will be retried)', {
        timeoutMs: settings.shutdownTimeoutMs,
      });
      process.exit(1);
    }, settings.shutdownTimeoutMs);
    force.unref();
    (async () => {
      sweep.stop();
      await worker.close();
      await watchWorker.close();
      await watchQueue.close().catch(() => undefined);
      await email?.close();
      await queue.close().catch(() => undefined);
      await health.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.end();
      logger.info('sms worker stopped');
      process.exit(0);
    })().catch((err: Error) => {
      logger.error('error while stopping', { error: err.message });
      process.exit(1);
    });
  };
}

main().catch((err: Error) => {
  // The same stdout writer as the running worker (one per process): flushed on the way out.
  createLogger(process.env['LOG_LEVEL']).error('sms worker crashed', { error: err.message });
  process.exit(1);
});

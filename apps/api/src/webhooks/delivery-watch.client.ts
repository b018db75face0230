import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createRedisConnection, type RedisConnection } from '@twofold/redis-connection';
import { SMS_WATCH_QUEUE_NAME } from '@twofold/sms-queue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Wakes a message's delivery watch (the worker's `sms-watch` job, id = message id) when a receipt
 * reports one of its watched attempts failed, so the fallback goes now rather than at the receipt
 * deadline. Best effort: a watch that is running at that moment, or Redis away, leaves the fallback
 * to the deadline (SMS_DELIVERY_TIMEOUT_SECONDS after the send), which the watch keeps anyway.
 */
@Injectable()
export class DeliveryWatchClient implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWatch');
  private connection: RedisConnection | null = null;
  private queue: Queue | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config, 'producer');
    this.connection.on('error', () => undefined);
    this.queue = new Queue(SMS_WATCH_QUEUE_NAME, { connection: this.connection, prefix: this.config.queuePrefix });
    this.queue.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
    this.connection?.disconnect();
  }

  async wake(messageId: string): Promise<void> {
    try {
      const job = await this.queue?.getJob(messageId);
      if (job && (await job.isDelayed())) await job.promote();
    } catch (err) {
      this.logger.warn(`could not wake the delivery watch of ${messageId}; it falls back at its deadline: ${(err as Error).message}`);
    }
  }
}

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * A one-connection pool of its own for health probes: during a login flood the main pool is busy
 * with real work, and a probe queued behind it would report a healthy database as slow.
 */
@Injectable()
export class PostgresProbe implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 1, idleTimeoutMillis: 30_000, application_name: 'twofold-api-health' });
    this.pool.on('error', () => undefined);
  }

  async ping(): Promise<boolean> {
    await this.pool.query('SELECT 1');
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

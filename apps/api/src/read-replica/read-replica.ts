import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Where the reads that may lag go (docs/scaling.md, "Reads on the replica"): a streaming replica
 * at DATABASE_REPLICA_URL, or, when that is unset, the primary itself. Only a read whose stale
 * answer is safe may take this handle: the security events list, the sessions list query and the
 * smsDispatch poll. Every read that decides a security rule (the bearer token's session, login
 * tickets, codes, limits, locks, lists answered by a mutation) keeps the primary's DataSource;
 * `read-replica.spec.ts` checks which files take this handle and what for.
 */
export class ReadReplica implements OnApplicationShutdown {
  constructor(
    /** The replica's DataSource (read only: a hot standby refuses writes), or the primary's. */
    readonly db: DataSource,
    /** Whether `db` is a replica of its own (false: the primary, DATABASE_REPLICA_URL unset). */
    readonly isReplica: boolean,
  ) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.isReplica && this.db.isInitialized) await this.db.destroy();
  }

  /** The replica's DataSource, connected, or the primary's when no replica is configured. */
  static async connect(config: AppConfig, primary: DataSource): Promise<ReadReplica> {
    if (!config.databaseReplicaUrl) return new ReadReplica(primary, false);
    const replica = new DataSource({
      ...dataSourceOptions(config.databaseReplicaUrl, { poolSize: 10, applicationName: 'twofold-api-replica' }),
      // As for the primary: TypeORM's own error log would print query parameters.
      logging: false,
    });
    await replica.initialize();
    return new ReadReplica(replica, true);
  }
}

/** Provides ReadReplica to every module. */
@Global()
@Module({
  providers: [
    {
      provide: ReadReplica,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, primary: DataSource) => ReadReplica.connect(config, primary),
    },
  ],
  exports: [ReadReplica],
})
export class ReadReplicaModule {}

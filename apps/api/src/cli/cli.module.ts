import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, usePreparedStatements } from '@twofold/persistence';
import { CoreModule, type AppModuleOptions } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { ReadReplicaModule } from '../read-replica/read-replica';
import { SmsSupportModule } from '../sms-support/sms-support.module';
import { SmsSupportService } from '../sms-support/sms-support.service';
import { SupportModule } from '../support/support.module';
import { SupportService } from '../support/support.service';

/**
 * The API's modules the operator CLI needs, without the HTTP server or GraphQL: the same
 * services, the same TypeORM entities, the same configuration and clock as the API.
 */
@Module({})
export class CliModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.register(options),
        // One attempt: an operator is told at once that PostgreSQL is not there (the API's default retries for 30 s).
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.config.databaseUrl, { poolSize: 4, applicationName: 'twofold-cli' }), logging: false, retryAttempts: 0 }),
        ReadReplicaModule,
        SupportModule,
        SmsSupportModule,
      ],
    };
  }
}

/** What the commands call. */
export interface CliServices {
  support: SupportService;
  sms: SmsSupportService;
  close(): Promise<void>;
}

/**
 * A Nest application context (no HTTP server) on `config`. An operator reads the primary (no
 * replica lag in what they are shown) and the context runs no relay timer of its own: the API's
 * relay hands over what Redis did not take.
 */
export async function openCliServices(options: AppModuleOptions): Promise<CliServices> {
  const config: AppConfig = { ...options.config, databaseReplicaUrl: null, sms: { ...options.config.sms, relayIntervalMs: 0 } };
  usePreparedStatements(config.databasePreparedStatements);
  const app = await NestFactory.createApplicationContext(CliModule.register({ ...options, config }), { logger: false, abortOnError: false });
  await app.init();
  return { support: app.get(SupportService), sms: app.get(SmsSupportService), close: () => app.close() };
}

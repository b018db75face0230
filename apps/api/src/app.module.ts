import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { dataSourceOptions } from '@twofold/persistence';
import { AccountsModule } from './accounts/accounts.module';
import { BackupCodesModule } from './backup-codes/backup-codes.module';
import { EmailVerificationModule } from './email-verification/email-verification.module';
import { Clock } from './common/clock';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter';
import { HttpErrorFilter } from './common/http-error.filter';
import { requestMeta, type GraphqlContext } from './common/request-context';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { armorProtection } from './graphql/armor';
import { attemptLimitPlugin } from './graphql/attempt-limit.plugin';
import { noSubscriptionsPlugin } from './graphql/no-subscriptions.plugin';
import { formatGraphqlError } from './graphql/format-error';
import { internalErrorsPlugin } from './graphql/internal-errors.plugin';
import { HealthModule } from './health/health.module';
import { LoginModule } from './login/login.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MetricsModule } from './metrics/metrics.module';
import { metricsPlugin } from './metrics/metrics.plugin';
import { MetricsService } from './metrics/metrics.service';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { ReadReplicaModule } from './read-replica/read-replica';
import { SecondFactorModule } from './second-factor/second-factor.module';
import { SecurityEventsModule } from './security-events/security-events.module';
import { SmsDeliveryHealthModule } from './sms-delivery-health/sms-delivery-health.module';
import { SecurityKeysModule } from './security-keys/security-keys.module';
import { SessionGuard } from './sessions/session.guard';
import { SessionsModule } from './sessions/sessions.module';
import { SmsMethodsModule } from './sms-methods/sms-methods.module';
import { VoiceCallsModule } from './voice-calls/voice-calls.module';
import { TotpMethodsModule } from './totp-methods/totp-methods.module';
import { TrustedDevicesModule } from './trusted-devices/trusted-devices.module';
import { TwoFactorMethodsModule } from './two-factor-methods/two-factor-methods.module';
import { UnrecognizedActivityModule } from './unrecognized-activity/unrecognized-activity.module';
import { AccountRecoveryModule } from './account-recovery/account-recovery.module';
import { SmsWebhooksModule } from './webhooks/sms-webhooks.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a ManualClock to move time instead of sleeping. */
  clock?: Clock;
}

/** Configuration and the clock, visible to every module. */
@Global()
@Module({})
export class CoreModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new Clock() },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const armor = armorProtection(config.isProduction);
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        // TypeORM's own error log prints query parameters (password hashes, token hashes): off. A failed
        // query still reaches the log once, masked to the client, through formatGraphqlError.
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, { poolSize: 20, applicationName: 'twofold-api' }),
          logging: false,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [MetricsModule],
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: !config.isProduction,
            // Apollo Sandbox on GET /graphql in development only.
            plugins: [
              config.isProduction
                ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
                : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
              attemptLimitPlugin(),
              internalErrorsPlugin(),
              noSubscriptionsPlugin(),
              metricsPlugin(metrics),
              ...armor.plugins,
            ],
            validationRules: armor.validationRules,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphqlError,
            context: ({
              req,
              res,
            }: {
              req: Request;
              res: Response;
            }): Omit<GraphqlContext, 'auth'> & { auth?: undefined } => ({ req, res, meta: requestMeta(req) }),
          }),
        }),
        ReadReplicaModule,
        SessionsModule,
        SecurityEventsModule,
        SmsDeliveryHealthModule,
        LoginModule,
        SecondFactorModule,
        AccountsModule,
        EmailVerificationModule,
        PasswordResetModule,
        UnrecognizedActivityModule,
        AccountRecoveryModule,
        SmsMethodsModule,
        VoiceCallsModule,
        TotpMethodsModule,
        SecurityKeysModule,
        TrustedDevicesModule,
        TwoFactorMethodsModule,
        BackupCodesModule,
        HealthModule,
        MaintenanceModule,
        MetricsModule,
        SmsWebhooksModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

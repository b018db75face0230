import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '@twofold/config';
import { AppModule, type AppModuleOptions } from './app.module';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the API application; main.ts listens on API_PORT, tests on port 0. */
export async function createApi(options: AppModuleOptions & { logger?: false | LogLevel[] }): Promise<NestExpressApplication> {
  const config: AppConfig = options.config;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger: options.logger ?? levelsFrom(config.logLevel),
    bodyParser: false,
    abortOnError: false,
  });
  // Bounded bodies: GraphQL requests are small; Twilio callbacks are form posts.
  app.useBodyParser('json', { limit: '64kb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Security headers; the strict CSP would block Apollo Sandbox, which only development serves.
  app.use(helmet({ contentSecurityPolicy: config.isProduction ? undefined : false, crossOriginEmbedderPolicy: false }));
  app.enableCors({ origin: config.webOrigin, credentials: false, maxAge: 600 });
  app.enableShutdownHooks();
  return app;
}

function levelsFrom(level: string): LogLevel[] {
  const map: Record<string, LogLevel> = { info: 'log', warning: 'warn' };
  const wanted = map[level] ?? (level as LogLevel);
  const index = LEVELS.indexOf(wanted);
  return LEVELS.slice(0, index < 0 ? 4 : index + 1);
}

export { Logger };

import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@twofold/config';
import { PinoNestLogger } from '@twofold/logging';
import { usePreparedStatements } from '@twofold/persistence';
import { WEBHOOK_RECEIPT_PATH } from '@twofold/sms-queue';
import { AppModule, type AppModuleOptions } from './app.module';
import { queueBoard } from './admin/queue-board';
import { requestIdMiddleware } from './common/request-id';
import { securityHeaders } from './common/security-headers';
import { expressTrustProxy } from './common/trust-proxy';
import { TWILIO_STATUS_CALLBACK_PATH } from './webhooks/twilio-status.controller';
import { rawReceiptBody } from './webhooks/utils/raw-receipt-body';

/** Builds the API application; main.ts listens on API_PORT, tests on port 0. */
export async function createApi(options: AppModuleOptions & { logger?: false | LogLevel[] }): Promise<NestExpressApplication> {
  const config: AppConfig = options.config;
  usePreparedStatements(config.databasePreparedStatements);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger: options.logger ?? new PinoNestLogger({ service: 'api', level: config.logLevel }),
    bodyParser: false,
    abortOnError: false,
  });
  // Bounded bodies: GraphQL requests are small; Twilio callbacks are form posts; `webhook`
  // receipts are signed over their raw bytes (parsed raw first, so the JSON parser skips them).
  app.use(WEBHOOK_RECEIPT_PATH, rawReceiptBody());
  app.use(TWILIO_STATUS_CALLBACK_PATH, rawReceiptBody(16 * 1024, 'application/json'));
  app.useBodyParser('json', { limit: '64kb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  app.set('trust proxy', expressTrustProxy(config.trustProxy));
  app.use(requestIdMiddleware);
  app.disable('x-powered-by');
  // Security headers; the strict CSP would block Apollo Sandbox, which only development serves.
  app.use(securityHeaders({ contentSecurityPolicy: config.isProduction ? undefined : false, crossOriginEmbedderPolicy: false }));
  app.enableCors({ origin: config.webOrigin, credentials: false, maxAge: 600 });
  app.enableShutdownHooks();
  const board = queueBoard(config);
  if (board) {
    app.use(board.path, ...board.handlers);
    app.getHttpServer().on('close', () => void board.close());
  }
  return app;
}


import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadConfig } from '@twofold/config';
import { dataSourceOptions } from '@twofold/persistence';
import { twilioSignature } from '@twofold/sms-queue';
import { createTestDatabase, FakeSmsGateway, startFakeSmsGateway, TestDatabase } from '@twofold/testing';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/app-config';
import { SmsWebhooksModule } from './sms-webhooks.module';

const AUTH_TOKEN = 'webhook-test-auth-token';
const config = loadConfig({
  NODE_ENV: 'test',
  APP_SECRET: 'test-secret-that-is-long-enough-for-hkdf-0123456789',
  SMS_PROVIDER: 'twilio',
  TWILIO_ACCOUNT_SID: 'ACwebhooks',
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_FROM: '+15005550006',
  LOG_LEVEL: 'error',
});

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useValue: config },
    { provide: Clock, useValue: new Clock() },
  ],
  exports: [APP_CONFIG, Clock],
})
class TestCoreModule {}

describe('POST /webhooks/sms/twilio', () => {
  let testDb: TestDatabase;
  let app: NestExpressApplication;
  let db: DataSource;
  let callbackUrl: string;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    testDb = await createTestDatabase('webhooks');
    @Module({
      imports: [
        TestCoreModule,
        TypeOrmModule.forRoot(dataSourceOptions(testDb.url, { poolSize: 4 })),
        SmsWebhooksModule,
      ],
    })
    class TestAppModule {}
    app = await NestFactory.create<NestExpressApplication>(TestAppModule, { logger: false, bodyParser: false });
    // As apps/api/src/bootstrap.ts does.
    app.useBodyParser('json', { limit: '64kb' });
    app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    // The URL Twilio is given (PUBLIC_API_URL) is where this test listens.
    (config as { publicApiUrl: string }).publicApiUrl = `http://127.0.0.1:${port}`;
    callbackUrl = `${config.publicApiUrl}/webhooks/sms/twilio`;
    db = app.get(DataSource);
    gateway = await startFakeSmsGateway({ authToken: AUTH_TOKEN, callbackDelayMs: 5 });
  });

  afterAll(async () => {
    await gateway?.close();
    await app?.close();
    await testDb?.drop();
  });

  async function insertSent(sid: string): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    await db.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, created_at, updated_at, sent_at)
       VALUES ($1, '+447700900123', 'LOGIN', 'en', 'v1.x.y.z', 'SENT', 'twilio', $2, 1, $3, $3, $3)`,
      [id, sid, now],
    );
    return id;
  }

  const row = async (id: string) =>
    (await db.query(`SELECT status, failure_reason, delivered_at, failed_at FROM sms_message WHERE id = $1`, [id]))[0];

  function post(
    params: Record<string, string>,
    signature: string | null = twilioSignature(AUTH_TOKEN, callbackUrl, params),
  ) {
    return fetch(callbackUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(signature ? { 'X-Twilio-Signature': signature } : {}),
      },
      body: new URLSearchParams(params).toString(),
    });
  }
  const report = (sid: string, status: string, extra: Record<string, string> = {}) => ({
    AccountSid: 'ACwebhooks',
    ApiVersion: '2010-04-01',
    From: '+15005550006',
    MessageSid: sid,
    MessageStatus: status,
    SmsSid: sid,
    SmsStatus: status,
    To: '+447700900123',
    ...extra,
  });

  it('refuses unsigned and wrongly signed callbacks with 403 and changes nothing', async () => {
    const sid = 'SM' + randomUUID().replace(/-/g, '');
    const id = await insertSent(sid);
    expect((await post(report(sid, 'delivered'), null)).status).toBe(403);
    expect((await post(report(sid, 'delivered'), 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=')).status).toBe(403);
    // signed over another URL, or with another token
    expect(
      (
        await post(
          report(sid, 'delivered'),
          twilioSignature(AUTH_TOKEN, 'http://evil.example/webhooks/sms/twilio', report(sid, 'delivered')),
        )
      ).status,
    ).toBe(403);
    expect(
      (await post(report(sid, 'delivered'), twilioSignature('other-token', callbackUrl, report(sid, 'delivered'))))
        .status,
    ).toBe(403);
    // a parameter changed after signing
    const signed = twilioSignature(AUTH_TOKEN, callbackUrl, report(sid, 'undelivered'));
    expect((await post(report(sid, 'delivered'), signed)).status).toBe(403);
    expect((await row(id)).status).toBe('SENT');
  });

  it('records DELIVERED, is idempotent, and a late "sent" does not overwrite it', async () => {
    const sid = 'SM' + randomUUID().replace(/-/g, '');
    const id = await insertSent(sid);
    expect((await post(report(sid, 'delivered'))).status).toBe(204);
    const first = await row(id);
    expect(first.status).toBe('DELIVERED');
    expect(first.delivered_at).toBeInstanceOf(Date);
    expect((await post(report(sid, 'delivered'))).status).toBe(204);
    expect((await post(report(sid, 'sent'))).status).toBe(204);
    expect((await post(report(sid, 'failed', { ErrorCode: '30008' }))).status).toBe(204);
    expect(await row(id)).toEqual(first);
  });

  it('maps undelivered to FAILED with the error code meaning, and keeps it', async () => {
    const sid = 'SM' + randomUUID().replace(/-/g, '');
    const id = await insertSent(sid);
    expect((await post(report(sid, 'undelivered', { ErrorCode: '30003' }))).status).toBe(204);
    expect(await row(id)).toMatchObject({
      status: 'FAILED',
      failure_reason: 'twilio undelivered (error 30003): Unreachable destination handset',
    });
    expect((await post(report(sid, 'delivered'))).status).toBe(204);
    expect((await row(id)).status).toBe('FAILED');
  });

  it('answers 404 for a sid it does not know', async () => {
    expect((await post(report('SMunknown', 'delivered'))).status).toBe(404);
  });

  it('accepts the fake gateway callbacks end to end (sent, then delivered)', async () => {
    const res = await fetch(`${gateway.url}/2010-04-01/Accounts/ACwebhooks/Messages.json`, {
      method: 'POST',
      headers: {
        Authorization: 'Basic ' + Buffer.from(`ACwebhooks:${AUTH_TOKEN}`).toString('base64'),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        To: '+447700900123',
        From: '+15005550006',
        Body: 'hi',
        StatusCallback: callbackUrl,
      }).toString(),
    });
    const { sid } = (await res.json()) as { sid: string };
    const id = await insertSent(sid);
    await gateway.idle();
    expect((await row(id)).status).toBe('DELIVERED');
    expect(gateway.messages.at(-1)?.callbacks.map((c) => [c.status, c.httpStatus])).toEqual([
      ['sent', 204],
      ['delivered', 204],
    ]);
  });
});

import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadConfig, type VonageSignatureMethod } from '@twofold/config';
import { dataSourceOptions } from '@twofold/persistence';
import { vonageSignature } from '@twofold/sms-queue';
import { createTestDatabase, FakeSmsGateway, startFakeSmsGateway, TestDatabase } from '@twofold/testing';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/app-config';
import { SmsWebhooksModule } from './sms-webhooks.module';

const SIGNATURE_SECRET = 'vonage-signature-secret-for-tests';
const config = loadConfig({
  NODE_ENV: 'test',
  APP_SECRET: 'test-secret-that-is-long-enough-for-hkdf-0123456789',
  SMS_PROVIDER: 'vonage',
  VONAGE_API_KEY: 'abcd1234',
  VONAGE_API_SECRET: 'api-secret',
  VONAGE_FROM: 'Twofold',
  VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
  LOG_LEVEL: 'error',
});
const vonage = config.sms.vonage!;

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useValue: config },
    { provide: Clock, useValue: new Clock() },
  ],
  exports: [APP_CONFIG, Clock],
})
class TestCoreModule {}

describe('/webhooks/sms/vonage: signed Vonage delivery receipts', () => {
  let testDb: TestDatabase;
  let app: NestExpressApplication;
  let db: DataSource;
  let receiptUrl: string;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    testDb = await createTestDatabase('vonage_receipts');
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
    receiptUrl = `http://127.0.0.1:${port}/webhooks/sms/vonage`;
    db = app.get(DataSource);
    gateway = await startFakeSmsGateway({
      authToken: 'unused',
      callbackDelayMs: 5,
      vonage: {
        apiKey: vonage.apiKey,
        apiSecret: vonage.apiSecret,
        signatureSecret: SIGNATURE_SECRET,
        signatureMethod: 'sha256',
      },
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await app?.close();
    await testDb?.drop();
  });

  async function insertSent(providerId: string): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    await db.query(
      `INSERT INTO sms_message (id, phone_number, purpose, locale, body_sealed, status, provider, provider_message_id, attempts, created_at, updated_at, sent_at)
       VALUES ($1, '+447700900123', 'LOGIN', 'en', 'v1.x.y.z', 'SENT', 'vonage', $2, 1, $3, $3, $3)`,
      [id, providerId, now],
    );
    return id;
  }
  const row = async (id: string) =>
    (await db.query(`SELECT status, failure_reason, delivered_at FROM sms_message WHERE id = $1`, [id]))[0];
  const providerId = () => randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();

  /** A receipt as Vonage posts it, signed (unless told otherwise) with `method` at `timestamp`. */
  function receipt(
    messageId: string,
    status: string,
    over: {
      errCode?: string;
      timestamp?: number;
      method?: VonageSignatureMethod;
      secret?: string;
      apiKey?: string;
    } = {},
  ) {
    const params: Record<string, string> = {
      msisdn: '447700900123',
      to: 'Twofold',
      'network-code': '23410',
      messageId,
      price: '0.03330000',
      status,
      scts: '2612021200',
      'err-code': over.errCode ?? '0',
      'api-key': over.apiKey ?? vonage.apiKey,
      'message-timestamp': '2026-12-02 12:00:00',
      timestamp: String(over.timestamp ?? Math.floor(Date.now() / 1000)),
      nonce: randomUUID(),
    };
    params['sig'] = vonageSignature(params, over.secret ?? SIGNATURE_SECRET, over.method ?? 'sha256');
    return params;
  }
  const post = (params: Record<string, string>) =>
    fetch(receiptUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });

  it('applies a signed receipt sent as a form POST, a JSON POST or a GET, and records DELIVERED', async () => {
    for (const send of [
      post,
      (p: Record<string, string>) =>
        fetch(receiptUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(p) }),
      (p: Record<string, string>) => fetch(`${receiptUrl}?${new URLSearchParams(p).toString()}`),
    ]) {
      const pid = providerId();
      const id = await insertSent(pid);
      expect((await send(receipt(pid, 'delivered'))).status).toBe(204);
      expect((await row(id)).status).toBe('DELIVERED');
    }
  });

  it('refuses with 401, and changes nothing, a receipt unsigned, signed with another secret, altered after signing, of another account, or stale', async () => {
    const pid = providerId();
    const id = await insertSent(pid);
    const { sig: _sig, ...unsigned } = receipt(pid, 'delivered');
    const altered = { ...receipt(pid, 'failed', { errCode: '1' }), status: 'delivered' };
    const cases = [
      unsigned,
      receipt(pid, 'delivered', { secret: 'another-secret' }),
      altered,
      receipt(pid, 'delivered', { apiKey: 'someone-else' }),
      receipt(pid, 'delivered', { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      receipt(pid, 'delivered', { method: 'md5hash' }),
    ];
    for (const params of cases) expect((await post(params)).status).toBe(401);
    expect((await row(id)).status).toBe('SENT');
  });

  it('verifies the signature method the dashboard chose (here md5hash and sha512)', async () => {
    for (const method of ['md5hash', 'sha512'] as const) {
      (vonage as { signatureMethod: VonageSignatureMethod }).signatureMethod = method;
      try {
        const pid = providerId();
        const id = await insertSent(pid);
        expect((await post(receipt(pid, 'delivered', { method: 'sha256' }))).status).toBe(401);
        expect((await post(receipt(pid, 'delivered', { method }))).status).toBe(204);
        expect((await row(id)).status).toBe('DELIVERED');
      } finally {
        (vonage as { signatureMethod: VonageSignatureMethod }).signatureMethod = 'sha256';
      }
    }
  });

  it('is idempotent and order-tolerant: a replayed receipt is acknowledged once, a late "accepted" never overwrites a final state', async () => {
    const pid = providerId();
    const id = await insertSent(pid);
    const failed = receipt(pid, 'failed', { errCode: '6' });
    expect((await post(failed)).status).toBe(204);
    expect(await row(id)).toMatchObject({ status: 'FAILED', failure_reason: 'vonage failed (err-code 6)' });
    expect((await post(failed)).status).toBe(204);
    // The one claim of that signature (its hash, not the signature) makes the copy a replay.
    const claims = await db.query(`SELECT count(*)::int AS n FROM sms_receipt_replay WHERE signature_hash = $1`, [
      createHash('sha256').update(failed['sig']).digest(),
    ]);
    expect(claims[0].n).toBe(1);
    expect((await post(receipt(pid, 'accepted'))).status).toBe(204);
    expect((await post(receipt(pid, 'delivered'))).status).toBe(204);
    expect((await row(id)).status).toBe('FAILED');
  });

  it('answers 404 to a signed receipt for a message it does not know, 400 without a messageId', async () => {
    expect((await post(receipt('UNKNOWN0000000001', 'delivered'))).status).toBe(404);
    const { messageId: _m, ...rest } = receipt('X', 'delivered');
    const params: Record<string, string> = { ...rest, timestamp: String(Math.floor(Date.now() / 1000)) };
    params['sig'] = vonageSignature(params, SIGNATURE_SECRET, 'sha256');
    expect((await post(params)).status).toBe(400);
  });

  it('takes the fake gateway’s Vonage stand-in receipts end to end (accepted, then delivered)', async () => {
    const res = await fetch(`${gateway.url}/sms/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: vonage.apiKey,
        api_secret: vonage.apiSecret!,
        from: 'Twofold',
        to: '447700900123',
        text: 'hi',
        callback: receiptUrl,
      }).toString(),
    });
    const answer = (await res.json()) as { messages: { status: string; 'message-id': string }[] };
    expect(answer.messages[0].status).toBe('0');
    const id = await insertSent(answer.messages[0]['message-id']);
    await gateway.idle();
    expect((await row(id)).status).toBe('DELIVERED');
    expect(gateway.messages.at(-1)?.callbacks.map((c) => [c.status, c.httpStatus])).toEqual([
      ['sent', 204],
      ['delivered', 204],
    ]);
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per provider that took an SMS (issue 14, item 2: fallback driven by receipts): the first
 * send, then each fallback through the next provider of the route, with its own state, provider
 * message id and timestamps. Receipts find their attempt by (provider, provider_message_id).
 *
 * No foreign key to sms_message, on purpose: sms_message becomes a table partitioned by month
 * (migration 1796500000000), whose primary key is (id, created_at); attempts reference the message
 * by `message_id` alone, like sms_code.message_id, and go with it (retention deletes by created_at).
 *
 * Attempts of the last 3 days are backfilled from sms_message (one per message the worker recorded
 * as sent), so receipts of messages sent before this migration still find them; older messages keep
 * their state and no receipt is expected for them any more.
 */
export class SmsAttempt1796400000000 implements MigrationInterface {
  name = 'SmsAttempt1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sms_attempt" (
      "message_id" uuid NOT NULL,
      "seq" smallint NOT NULL,
      "provider" character varying(32) NOT NULL,
      "status" character varying(16) NOT NULL,
      "provider_message_id" character varying(128),
      "fallback_cause" character varying(16),
      "failure_reason" text,
      "deadline_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      "failed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_sms_attempt" PRIMARY KEY ("message_id", "seq")
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sms_attempt_message_provider" ON "sms_attempt" ("message_id", "provider")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sms_attempt_provider_id" ON "sms_attempt" ("provider", "provider_message_id") WHERE "provider_message_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sms_attempt_created" ON "sms_attempt" ("created_at")`);
    await queryRunner.query(`INSERT INTO sms_attempt (message_id, seq, provider, status, provider_message_id, failure_reason, created_at, updated_at, sent_at, delivered_at, failed_at)
      SELECT id, 1, provider, CASE WHEN status IN ('DELIVERED', 'FAILED') THEN status ELSE 'SENT' END, provider_message_id,
             CASE WHEN status = 'FAILED' THEN failure_reason END, COALESCE(sent_at, created_at), updated_at, sent_at, delivered_at,
             CASE WHEN status = 'FAILED' THEN failed_at END
        FROM sms_message
       WHERE provider IS NOT NULL AND provider_message_id IS NOT NULL AND created_at > now() - interval '3 days'
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_attempt"`);
  }
}

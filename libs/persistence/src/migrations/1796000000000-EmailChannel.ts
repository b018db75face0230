import { MigrationInterface, QueryRunner } from 'typeorm';

/** E-mail as a channel (issue 13): the e-mail outbox, verification links (hashed) and account.email_verified_at. */
export class EmailChannel1796000000000 implements MigrationInterface {
  name = 'EmailChannel1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE TABLE "email_message" (
      "id" uuid NOT NULL,
      "account_id" uuid,
      "to_address" text NOT NULL,
      "template" character varying(32) NOT NULL,
      "locale" character varying(8) NOT NULL DEFAULT 'en',
      "data_sealed" text NOT NULL,
      "status" character varying(16) NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "provider_message_id" character varying(256),
      "failure_reason" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "enqueued_at" TIMESTAMP WITH TIME ZONE,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "failed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_email_message" PRIMARY KEY ("id")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_email_message_account_created" ON "email_message" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_email_message_created" ON "email_message" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_email_message_outbox" ON "email_message" ("status", "enqueued_at") WHERE "status" IN ('QUEUED', 'SENDING')`);
    await queryRunner.query(`CREATE TABLE "email_verification_token" (
      "id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "email_normalized" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_email_verification_token" PRIMARY KEY ("id"),
      CONSTRAINT "FK_email_verification_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_email_verification_token_hash" ON "email_verification_token" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_email_verification_token_account" ON "email_verification_token" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_email_verification_token_expires" ON "email_verification_token" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_verification_token"`);
    await queryRunner.query(`DROP TABLE "email_message"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "email_verified_at"`);
  }
}

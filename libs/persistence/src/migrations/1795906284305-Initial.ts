import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795906284305 implements MigrationInterface {
  name = 'Initial1795906284305';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL, "email" text NOT NULL, "email_normalized" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "locale" character varying(8) NOT NULL DEFAULT 'en', "second_factor_blocked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_email_normalized" ON "account" ("email_normalized") `);
    await queryRunner.query(
      `CREATE TABLE "backup_code" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "code_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2499c38512f254ae0511ebb0df4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_backup_code_account" ON "backup_code" ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email_normalized" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip_address" text, CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_login_failure_email_created" ON "login_failure" ("email_normalized", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "authenticated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip_address" text, "user_agent" text, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_session_account" ON "session" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_session_token_hash" ON "session" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "login_ticket" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "purpose" character varying(16) NOT NULL, "session_id" uuid, "failed_attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9e86a2cbdd60adf29eedd00946b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_ticket_account" ON "login_ticket" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_login_ticket_token_hash" ON "login_ticket" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_login_ticket_session" ON "login_ticket" ("session_id") `);
    await queryRunner.query(
      `CREATE TABLE "security_event" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip_address" text, "user_agent" text, "detail" text, CONSTRAINT "PK_fb070407ce281c218223836bad4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_security_event_account_type_created" ON "security_event" ("account_id", "type", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_security_event_account_created" ON "security_event" ("account_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_method" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "phone_number" character varying(16) NOT NULL, "country_code" character varying(2) NOT NULL, "description" character varying(100), "status" character varying(24) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "failed_attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4e2a3af1a114f6bcab0513fdd0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_method_pending_created" ON "sms_method" ("created_at") WHERE "status" = 'PENDING_VERIFICATION'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sms_method_account_default" ON "sms_method" ("account_id") WHERE "is_default"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sms_method_account_phone" ON "sms_method" ("account_id", "phone_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_code" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "method_id" uuid NOT NULL, "purpose" character varying(24) NOT NULL, "ticket_id" uuid, "code_hmac" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "replaced_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6be10be47996c6d6591354f0002" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sms_code_ticket" ON "sms_code" ("ticket_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_code_live" ON "sms_code" ("method_id", "purpose", "created_at") WHERE "consumed_at" IS NULL AND "replaced_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_message" ("id" uuid NOT NULL, "account_id" uuid, "method_id" uuid, "ticket_id" uuid, "phone_number" character varying(16) NOT NULL, "purpose" character varying(24) NOT NULL, "locale" character varying(8) NOT NULL DEFAULT 'en', "body_sealed" text NOT NULL, "status" character varying(16) NOT NULL, "client_ip" text, "provider" character varying(32), "provider_message_id" character varying(128), "attempts" integer NOT NULL DEFAULT '0', "failure_reason" text, "code_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "enqueued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_121900f2127a5152cf20898a11c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sms_message_provider_id" ON "sms_message" ("provider", "provider_message_id") WHERE "provider_message_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_outbox" ON "sms_message" ("status", "enqueued_at") WHERE "status" IN ('QUEUED', 'SENDING')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_ip_created" ON "sms_message" ("client_ip", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_ticket" ON "sms_message" ("ticket_id") WHERE "ticket_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_method_created" ON "sms_message" ("method_id", "purpose", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_account_created" ON "sms_message" ("account_id", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_phone_created" ON "sms_message" ("phone_number", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `ALTER TABLE "backup_code" ADD CONSTRAINT "FK_backup_code_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_session_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "login_ticket" ADD CONSTRAINT "FK_login_ticket_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "login_ticket" ADD CONSTRAINT "FK_login_ticket_session" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "security_event" ADD CONSTRAINT "FK_security_event_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sms_method" ADD CONSTRAINT "FK_sms_method_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sms_code" ADD CONSTRAINT "FK_sms_code_method" FOREIGN KEY ("method_id") REFERENCES "sms_method"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sms_code" ADD CONSTRAINT "FK_sms_code_ticket" FOREIGN KEY ("ticket_id") REFERENCES "login_ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_code" DROP CONSTRAINT "FK_sms_code_ticket"`);
    await queryRunner.query(`ALTER TABLE "sms_code" DROP CONSTRAINT "FK_sms_code_method"`);
    await queryRunner.query(`ALTER TABLE "sms_method" DROP CONSTRAINT "FK_sms_method_account"`);
    await queryRunner.query(`ALTER TABLE "security_event" DROP CONSTRAINT "FK_security_event_account"`);
    await queryRunner.query(`ALTER TABLE "login_ticket" DROP CONSTRAINT "FK_login_ticket_session"`);
    await queryRunner.query(`ALTER TABLE "login_ticket" DROP CONSTRAINT "FK_login_ticket_account"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_session_account"`);
    await queryRunner.query(`ALTER TABLE "backup_code" DROP CONSTRAINT "FK_backup_code_account"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_phone_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_account_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_method_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_ip_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sms_message_provider_id"`);
    await queryRunner.query(`DROP TABLE "sms_message"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_code_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_code_ticket"`);
    await queryRunner.query(`DROP TABLE "sms_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sms_method_account_phone"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sms_method_account_default"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_method_pending_created"`);
    await queryRunner.query(`DROP TABLE "sms_method"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_security_event_account_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_security_event_account_type_created"`);
    await queryRunner.query(`DROP TABLE "security_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_ticket_session"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_login_ticket_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_ticket_account"`);
    await queryRunner.query(`DROP TABLE "login_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_session_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_account"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failure_email_created"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_backup_code_account"`);
    await queryRunner.query(`DROP TABLE "backup_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_account_email_normalized"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}

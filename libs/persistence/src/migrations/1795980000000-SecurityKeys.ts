import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security keys and passkeys (WebAuthn): registered credentials, registration challenges (5
 * minutes, single use, bound to the account) and login challenges (one per login ticket). The
 * `two_factor_method` view gains them as kind 'SECURITY_KEY'.
 */
export class SecurityKeys1795980000000 implements MigrationInterface {
  name = 'SecurityKeys1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "security_key" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "credential_id" text NOT NULL, "public_key" bytea NOT NULL, "sign_count" bigint NOT NULL, "transports" text array NOT NULL, "aaguid" uuid NOT NULL, "is_passkey" boolean NOT NULL, "backup_eligible" boolean NOT NULL, "backed_up" boolean NOT NULL, "description" character varying(100), "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_security_key" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_security_key_account" ON "security_key" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_security_key_credential_id" ON "security_key" ("credential_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_security_key_account_default" ON "security_key" ("account_id") WHERE "is_default"`);
    await queryRunner.query(
      `ALTER TABLE "security_key" ADD CONSTRAINT "FK_security_key_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "security_key_registration" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "challenge" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failed_attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_security_key_registration" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_security_key_registration_account" ON "security_key_registration" ("account_id") `);
    await queryRunner.query(
      `ALTER TABLE "security_key_registration" ADD CONSTRAINT "FK_security_key_registration_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "security_key_login_challenge" ("ticket_id" uuid NOT NULL, "challenge" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_security_key_login_challenge" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "security_key_login_challenge" ADD CONSTRAINT "FK_security_key_login_challenge_ticket" FOREIGN KEY ("ticket_id") REFERENCES "login_ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP VIEW "two_factor_method"`);
    await queryRunner.query(
      `CREATE VIEW "two_factor_method" AS
         SELECT id, account_id, 'SMS'::text AS kind, description, is_default, created_at, last_used_at FROM sms_method WHERE status = 'ENABLED'
         UNION ALL
         SELECT id, account_id, 'TOTP'::text AS kind, description, is_default, created_at, last_used_at FROM totp_method
         UNION ALL
         SELECT id, account_id, 'SECURITY_KEY'::text AS kind, description, is_default, created_at, last_used_at FROM security_key`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "two_factor_method"`);
    await queryRunner.query(
      `CREATE VIEW "two_factor_method" AS
         SELECT id, account_id, 'SMS'::text AS kind, description, is_default, created_at, last_used_at FROM sms_method WHERE status = 'ENABLED'
         UNION ALL
         SELECT id, account_id, 'TOTP'::text AS kind, description, is_default, created_at, last_used_at FROM totp_method`,
    );
    await queryRunner.query(`DROP TABLE "security_key_login_challenge"`);
    await queryRunner.query(`DROP TABLE "security_key_registration"`);
    await queryRunner.query(`DROP TABLE "security_key"`);
  }
}

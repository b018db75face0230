import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authenticator apps (TOTP): enrollments (10 minutes, secret sealed) and confirmed apps (secret
 * sealed, the last accepted time step for replay protection). `two_factor_method` is every
 * confirmed method of every kind: 2FA is on while it has a row for the account.
 */
export class TotpMethods1795960000000 implements MigrationInterface {
  name = 'TotpMethods1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "totp_enrollment" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "secret_sealed" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failed_attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_totp_enrollment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_totp_enrollment_account" ON "totp_enrollment" ("account_id") `);
    await queryRunner.query(
      `ALTER TABLE "totp_enrollment" ADD CONSTRAINT "FK_totp_enrollment_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "totp_method" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "secret_sealed" text NOT NULL, "description" character varying(100), "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "last_time_step" bigint, CONSTRAINT "PK_totp_method" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_totp_method_account" ON "totp_method" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_totp_method_account_default" ON "totp_method" ("account_id") WHERE "is_default"`);
    await queryRunner.query(
      `ALTER TABLE "totp_method" ADD CONSTRAINT "FK_totp_method_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE VIEW "two_factor_method" AS
         SELECT id, account_id, 'SMS'::text AS kind, description, is_default, created_at, last_used_at FROM sms_method WHERE status = 'ENABLED'
         UNION ALL
         SELECT id, account_id, 'TOTP'::text AS kind, description, is_default, created_at, last_used_at FROM totp_method`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "two_factor_method"`);
    await queryRunner.query(`DROP TABLE "totp_method"`);
    await queryRunner.query(`DROP TABLE "totp_enrollment"`);
  }
}

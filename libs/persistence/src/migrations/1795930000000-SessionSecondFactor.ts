import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions record whether they passed a second factor, and the account's 2FA epoch they were
 * created in; the session read refuses a single-factor session once 2FA has been turned on since.
 * Existing sessions of accounts with 2FA on were created by a second factor (or were revoked when
 * it turned on), so they are marked as such.
 */
export class SessionSecondFactor1795930000000 implements MigrationInterface {
  name = 'SessionSecondFactor1795930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "two_factor_epoch" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "session" ADD "second_factor" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "session" ADD "two_factor_epoch" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE "session" s SET "second_factor" = true WHERE EXISTS (SELECT 1 FROM "sms_method" m WHERE m.account_id = s.account_id AND m.status = 'ENABLED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "two_factor_epoch"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "second_factor"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "two_factor_epoch"`);
  }
}

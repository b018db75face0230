import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security notices are budgeted: per account (their own hourly budget) and in the global budget,
 * which now counts every SMS, notices included. The global gate reads the newest rows of all
 * messages (IDX_sms_message_created replaces the codes-only index); the per-account notice budget
 * reads IDX_sms_message_notice_account_created.
 */
export class NoticeBudgets1795930100000 implements MigrationInterface {
  name = 'NoticeBudgets1795930100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_code_created"`);
    await queryRunner.query(`CREATE INDEX "IDX_sms_message_created" ON "sms_message" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_sms_message_notice_account_created" ON "sms_message" ("account_id", "created_at") WHERE "purpose" = 'NOTICE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_notice_account_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_created"`);
    await queryRunner.query(`CREATE INDEX "IDX_sms_message_code_created" ON "sms_message" ("created_at") WHERE "purpose" <> 'NOTICE'`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintenance purges login failures and security events past their retention, oldest first and
 * a batch at a time: each batch reads its rows through an index on created_at instead of
 * scanning the table. (sms_message has IDX_sms_message_created already.)
 */
export class RetentionIndexes1795940000000 implements MigrationInterface {
  name = 'RetentionIndexes1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_login_failure_created" ON "login_failure" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_security_event_created" ON "security_event" ("created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_security_event_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failure_created"`);
  }
}

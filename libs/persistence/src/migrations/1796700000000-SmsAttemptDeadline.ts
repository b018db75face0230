import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the worker's sweep for delivery watches Redis lost looks for attempts whose deadline
 * passed while their watch never finished. Only watched attempts keep a deadline, and only until
 * their watch ends, so the partial index stays small.
 */
export class SmsAttemptDeadline1796700000000 implements MigrationInterface {
  name = 'SmsAttemptDeadline1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_sms_attempt_deadline" ON "sms_attempt" ("deadline_at") WHERE "deadline_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_attempt_deadline"`);
  }
}

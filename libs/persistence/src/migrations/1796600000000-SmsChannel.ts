import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 3, "Call me instead": a code may reach the phone by a call that reads it out. A call
 * is a row of sms_message like an SMS (the same outbox, relay and worker, and the same ledger every
 * sending limit and budget reads), told apart by `channel`. Every existing row is an SMS. On the
 * partitioned table the column reaches every month's partition (a constant default: no rewrite).
 */
export class SmsChannel1796600000000 implements MigrationInterface {
  name = 'SmsChannel1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_message" ADD "channel" character varying(8) NOT NULL DEFAULT 'SMS'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_message" DROP COLUMN "channel"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Replay protection of the `webhook` provider's signed delivery receipts (issue 14). */
export class SmsReceiptReplay1795990000000 implements MigrationInterface {
  name = 'SmsReceiptReplay1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sms_receipt_replay" (
      "signature_hash" bytea NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_sms_receipt_replay" PRIMARY KEY ("signature_hash")
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_sms_receipt_replay_expires" ON "sms_receipt_replay" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_receipt_replay"`);
  }
}

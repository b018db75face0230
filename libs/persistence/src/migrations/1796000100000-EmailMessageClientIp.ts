import { MigrationInterface, QueryRunner } from 'typeorm';

/** The client (IPv4 address or IPv6 /64) that caused each e-mail, for the per-IP e-mail budget. */
export class EmailMessageClientIp1796000100000 implements MigrationInterface {
  name = 'EmailMessageClientIp1796000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_message" ADD "client_ip" text`);
    await queryRunner.query(`CREATE INDEX "IDX_email_message_ip_created" ON "email_message" ("client_ip", "created_at") WHERE "client_ip" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_email_message_ip_created"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP COLUMN "client_ip"`);
  }
}

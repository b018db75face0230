import { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsPumpingGuard1795907112255 implements MigrationInterface {
  name = 'SmsPumpingGuard1795907112255';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_code" ADD "message_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sms_message" ADD "country_code" character varying(2)`);
    await queryRunner.query(`ALTER TABLE "sms_message" ADD "destination_prefix" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "sms_message" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_code_created" ON "sms_message" ("created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_country_created" ON "sms_message" ("country_code", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sms_message_prefix_created" ON "sms_message" ("destination_prefix", "created_at") WHERE "purpose" <> 'NOTICE'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_prefix_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_country_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sms_message_code_created"`);
    await queryRunner.query(`ALTER TABLE "sms_message" DROP COLUMN "verified_at"`);
    await queryRunner.query(`ALTER TABLE "sms_message" DROP COLUMN "destination_prefix"`);
    await queryRunner.query(`ALTER TABLE "sms_message" DROP COLUMN "country_code"`);
    await queryRunner.query(`ALTER TABLE "sms_code" DROP COLUMN "message_id"`);
  }
}

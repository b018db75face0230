import { MigrationInterface, QueryRunner } from 'typeorm';
import { maskPhoneNumber } from '@twofold/two-factor-domain';

/**
 * Stores each number's masked form once, at insert, so the one-statement second-factor step can
 * write its security event ("SMS to +44 •••• ••0123") without reading the number first.
 */
export class MaskedPhoneNumber1795920000000 implements MigrationInterface {
  name = 'MaskedPhoneNumber1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_method" ADD "masked_phone_number" character varying(40)`);
    const rows: { id: string; phone_number: string }[] = await queryRunner.query(`SELECT id, phone_number FROM "sms_method"`);
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await queryRunner.query(
        `UPDATE "sms_method" m SET "masked_phone_number" = v.masked FROM unnest($1::uuid[], $2::text[]) AS v(id, masked) WHERE m.id = v.id`,
        [batch.map((r) => r.id), batch.map((r) => maskPhoneNumber(r.phone_number))],
      );
    }
    await queryRunner.query(`ALTER TABLE "sms_method" ALTER COLUMN "masked_phone_number" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sms_method" DROP COLUMN "masked_phone_number"`);
  }
}

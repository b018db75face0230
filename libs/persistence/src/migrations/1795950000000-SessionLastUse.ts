import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions record the IP address and user agent of their last recorded use (the sessions list
 * shows them). Both stay NULL until a use is recorded after the session's creation: NULL in both
 * reads as the creation's `ip_address` and `user_agent`, so existing rows need no backfill and
 * every path that inserts a session may leave them out.
 */
export class SessionLastUse1795950000000 implements MigrationInterface {
  name = 'SessionLastUse1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "last_ip_address" text`);
    await queryRunner.query(`ALTER TABLE "session" ADD "last_user_agent" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "last_user_agent"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "last_ip_address"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rows that are updated in place after insert (a message's state and its entered-code stamp, a
 * code's consumption, a ticket's tries, a number's last use, a session's last use) get 20 % of
 * each page left free, so an update that changes no indexed column stays on its page (a HOT
 * update) instead of writing a new entry in every index: sms_message alone has eleven.
 */
const TABLES = ['sms_message', 'sms_code', 'login_ticket', 'sms_method', 'session'];

export class UpdateRoomFillfactor1795920100000 implements MigrationInterface {
  name = 'UpdateRoomFillfactor1795920100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" SET (fillfactor = 80)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" RESET (fillfactor)`);
  }
}

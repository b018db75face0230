import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13 part 5: lost-phone recovery with a cooling-off delay (the link's SHA-256 only). */
export class AccountRecovery1796210000000 implements MigrationInterface {
  name = 'AccountRecovery1796210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_recovery" (
      "id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "status" character varying(16) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "confirmed_at" TIMESTAMP WITH TIME ZONE,
      "ready_at" TIMESTAMP WITH TIME ZONE,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ended_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_account_recovery" PRIMARY KEY ("id"),
      CONSTRAINT "FK_account_recovery_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_recovery_token_hash" ON "account_recovery" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_account_recovery_account" ON "account_recovery" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_account_recovery_expires" ON "account_recovery" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_recovery"`);
  }
}

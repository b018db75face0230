import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password reset (issue 13 part 4): single-use links, only the SHA-256 of their token stored. */
export class PasswordResetToken1796100000000 implements MigrationInterface {
  name = 'PasswordResetToken1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "password_reset_token" (
      "id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_password_reset_token" PRIMARY KEY ("id"),
      CONSTRAINT "FK_password_reset_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_password_reset_token_hash" ON "password_reset_token" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_token_account" ON "password_reset_token" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_token_expires" ON "password_reset_token" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembered devices (contract section 7): hashed tokens, 30 days by default, deleted when forgotten. */
export class TrustedDevices1795970000000 implements MigrationInterface {
  name = 'TrustedDevices1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "trusted_device" (
      "id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ip_address" text,
      "user_agent" text,
      CONSTRAINT "PK_trusted_device" PRIMARY KEY ("id"),
      CONSTRAINT "FK_trusted_device_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_trusted_device_token_hash" ON "trusted_device" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_trusted_device_account" ON "trusted_device" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_trusted_device_expires" ON "trusted_device" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "trusted_device"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13 part 3: the "This wasn't me" links of security-notice e-mails (SHA-256 of the token only, single use). */
export class SecurityAlertToken1796200000000 implements MigrationInterface {
  name = 'SecurityAlertToken1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "security_alert_token" (
      "id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "kind" character varying(40) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_security_alert_token" PRIMARY KEY ("id"),
      CONSTRAINT "FK_security_alert_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_security_alert_token_hash" ON "security_alert_token" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_security_alert_token_account" ON "security_alert_token" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_security_alert_token_expires" ON "security_alert_token" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "security_alert_token"`);
  }
}

/**
 * Writes a migration with whatever the entities need beyond the existing migrations:
 *   npm run db:generate -- AddSomething
 * It applies the committed migrations to a scratch database, asks TypeORM's schema builder
 * for the difference, and writes libs/persistence/src/migrations/<epoch>-<Name>.ts.
 * Register the new class in migrations/index.ts.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@twofold/persistence';
import { withScratchDatabase } from './scratch-database';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run db:generate -- CamelCaseName');
    process.exit(2);
  }
  await withScratchDatabase(async (url) => {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (sql.upQueries.length === 0) {
      console.log('entities and migrations agree: nothing to generate');
      return;
    }
    const epoch = Date.now();
    const className = `${name}${epoch}`;
    const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .reverse()
      .join('\n');
    const file = join(__dirname, '../../libs/persistence/src/migrations', `${epoch}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`wrote ${file}; add ${className} to libs/persistence/src/migrations/index.ts`);
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

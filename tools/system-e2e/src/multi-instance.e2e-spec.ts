import { createTestDatabase } from '@twofold/testing';
import { multiInstanceSuite } from './multi-instance-suite';

// The suite on one database of the shared PostgreSQL, straight (no PgBouncer, no replica);
// replica-pgbouncer.e2e-spec.ts runs it through PgBouncer with a streaming replica.
multiInstanceSuite('several instances on one machine (2 APIs, 2 workers, one PostgreSQL, one Redis)', async () => {
  const db = await createTestDatabase('multiinstance');
  return { env: { DATABASE_URL: db.url }, checkUrl: db.url, close: () => db.drop() };
});

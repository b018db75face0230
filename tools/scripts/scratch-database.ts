import { Client } from 'pg';

/** Runs `fn` against a new, empty database on the server of DATABASE_URL, dropped afterwards. */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/twofold');
  const name = `twofold_scratch_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    return await fn(withDatabase(base, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

function withDatabase(base: URL, db: string): string {
  const u = new URL(base.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

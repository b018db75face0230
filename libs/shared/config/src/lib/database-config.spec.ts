import { loadConfig } from './config';

describe('database settings', () => {
  describe('DATABASE_PREPARED_STATEMENTS (deprecated alias DB_PREPARED_STATEMENTS)', () => {
    it('defaults to on', () => {
      expect(loadConfig({}).databasePreparedStatements).toBe(true);
    });

    it('reads the documented name', () => {
      expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
      expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'true' }).databasePreparedStatements).toBe(true);
    });

    it('still reads the deprecated alias alone', () => {
      expect(loadConfig({ DB_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
    });

    it('accepts both when they agree', () => {
      expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off', DB_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
    });

    it('refuses both set to different values, naming both', () => {
      expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false', DB_PREPARED_STATEMENTS: 'true' })).toThrow(
        'Configuration error: DATABASE_PREPARED_STATEMENTS is false but its deprecated alias DB_PREPARED_STATEMENTS is true: set only DATABASE_PREPARED_STATEMENTS',
      );
    });

    it('refuses a value that is not a boolean under either name', () => {
      expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toThrow(/DATABASE_PREPARED_STATEMENTS must be true or false/);
      expect(() => loadConfig({ DB_PREPARED_STATEMENTS: 'maybe' })).toThrow(/DB_PREPARED_STATEMENTS must be true or false/);
    });
  });

  describe('DATABASE_REPLICA_URL', () => {
    it('is unset by default: the lag-tolerant reads go to the primary', () => {
      expect(loadConfig({}).databaseReplicaUrl).toBeNull();
      expect(loadConfig({ DATABASE_REPLICA_URL: '  ' }).databaseReplicaUrl).toBeNull();
    });

    it('takes a postgres URL', () => {
      expect(loadConfig({ DATABASE_REPLICA_URL: 'postgres://reader@10.0.0.2:5432/twofold/' }).databaseReplicaUrl).toBe('postgres://reader@10.0.0.2:5432/twofold');
      expect(loadConfig({ DATABASE_REPLICA_URL: 'postgresql://r@h/db' }).databaseReplicaUrl).toBe('postgresql://r@h/db');
    });

    it('refuses another scheme or a non-URL without echoing the value (it may hold a password)', () => {
      expect(() => loadConfig({ DATABASE_REPLICA_URL: 'mysql://u:hunter2@h/db' })).toThrow(/DATABASE_REPLICA_URL must start with postgres/);
      let message = '';
      try {
        loadConfig({ DATABASE_REPLICA_URL: 'not a url hunter2' });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/DATABASE_REPLICA_URL must be a postgres:\/\/ URL/);
      expect(message).not.toContain('hunter2');
    });
  });
});

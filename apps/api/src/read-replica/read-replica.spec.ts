import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which reads take the replica (docs/scaling.md, "Reads on the replica"), checked on the sources:
 * a new use of ReadReplica must be added here and argued there. Everything else, every read that
 * decides a security rule among it, keeps the primary's DataSource.
 * apps/api/test/read-replica.integration-spec.ts checks the same against a second database.
 */
const SRC = join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(path) ? [path] : [];
  });
}
const rel = (f: string) => relative(SRC, f).split(sep).join('/');
const text = (f: string) => readFileSync(join(SRC, f), 'utf8');

/** The body of `method` in a source file: from its signature to the next member at the same indent. */
function methodBody(file: string, signature: RegExp): string {
  const src = text(file);
  const start = src.search(signature);
  if (start < 0) throw new Error(`${file}: no ${signature}`);
  const rest = src.slice(start);
  const end = rest.slice(1).search(/\n {2}(?:\/\*\*|@|(?:async |private |static |get )*[a-zA-Z]+\()/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('reads on the replica', () => {
  it('only the security events list, the sessions list and the smsDispatch poll take the replica handle', () => {
    const users = filesUnder(SRC)
      .map(rel)
      .filter((f) => /\bReadReplica\b/.test(text(f)) && f !== 'read-replica/read-replica.ts');
    expect(users.sort()).toEqual(['security-events/security-events.service.ts', 'sessions/session.store.ts', 'sms-codes/sms-dispatch.resolver.ts']);
  });

  it('security events: the list reads the replica, recording writes the primary', () => {
    expect(methodBody('security-events/security-events.service.ts', /\n {2}async list\(/)).toContain('this.replica.db');
    expect(methodBody('security-events/security-events.service.ts', /\n {2}async record\(/)).not.toContain('replica');
  });

  it('sessions: only SessionStore.list may read the replica; the bearer token, isLive and the revocations read the primary', () => {
    const store = text('sessions/session.store.ts');
    const uses = store.split('\n').filter((line) => line.includes('this.replica'));
    expect(uses).toHaveLength(1);
    expect(methodBody('sessions/session.store.ts', /\n {2}list\(from/)).toContain("from === 'replica' ? this.replica.db : this.db");
    for (const m of ['findLive', 'touch', 'isLive', 'revokeLive', 'revokeLiveOthers', 'revoke', 'insert']) {
      const found = store.search(new RegExp(`\\n {2}(?:async )?${m}\\(`));
      if (found >= 0) expect(methodBody('sessions/session.store.ts', new RegExp(`\\n {2}(?:async )?${m}\\(`))).not.toContain('replica');
    }
  });

  it('sessions: the `sessions` query lists from the replica; the lists revokeSession and revokeOtherSessions answer are the primary’s', () => {
    expect(text('sessions/sessions.resolver.ts')).toContain("this.sessions.list(auth, 'replica')");
    const service = text('sessions/sessions.service.ts');
    expect(service.match(/this\.list\(auth, '(replica|primary)'\)/g)).toEqual(["this.list(auth, 'primary')", "this.list(auth, 'primary')"]);
    // A replica without the caller's own session is behind its login: the list is then the primary's.
    expect(methodBody('sessions/sessions.service.ts', /\n {2}async list\(/)).toMatch(/!rows\.some\(\(r\) => r\.id === auth\.session\.id\)\) \{\s+rows = await this\.store\.list\('primary'/);
    expect(methodBody('sessions/sessions.service.ts', /\n {2}async revokeOne\(/)).toContain("this.list(auth, 'primary')");
    expect(methodBody('sessions/sessions.service.ts', /\n {2}async revokeOthers\(/)).toContain("this.list(auth, 'primary')");
  });

  it('smsDispatch: the ticket that asks is looked up on the primary; the poll falls back to the primary for a message the replica lacks', () => {
    expect(text('sms-codes/tickets-lookup.ts')).not.toContain('replica');
    const resolver = text('sms-codes/sms-dispatch.resolver.ts');
    expect(resolver).toContain('await this.tickets.ticketId(ticket)');
    expect(resolver).toMatch(/if \(!message && isUuid\(id\) && this\.replica\.isReplica\) \{\s+source = this\.db\.manager;/);
  });
});

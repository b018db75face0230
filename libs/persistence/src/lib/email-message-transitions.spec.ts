import { EMAIL_MESSAGE_STATEMENTS, EMAIL_STATUS_MOVES } from './email-message-transitions';

describe('email_message transitions', () => {
  it.each(EMAIL_MESSAGE_STATEMENTS.map((s) => [s.name, s] as const))('%s names exactly its from-states and only allowed moves', (_name, s) => {
    const where = /WHERE[\s\S]*$/.exec(s.text)?.[0] ?? '';
    const named = [...where.matchAll(/'(QUEUED|SENDING|SENT|FAILED)'/g)].map((m) => m[1]);
    expect([...new Set(named)].sort()).toEqual([...s.from].sort());
    if (s.to) for (const from of s.from) expect(EMAIL_STATUS_MOVES[from]).toContain(s.to);
  });

  it('keeps SENT and FAILED final', () => {
    expect(EMAIL_STATUS_MOVES.SENT).toEqual([]);
    expect(EMAIL_STATUS_MOVES.FAILED).toEqual([]);
  });
});

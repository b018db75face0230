import { createPartitionSql, messageId, monthStart, partitionMonth, partitionName } from './partitions';

describe('monthly partitions', () => {
  it('names a month in UTC and reads it back; other tables and names are not ours', () => {
    const m = monthStart(new Date('2026-12-31T23:59:59.999-05:00')); // already January in UTC
    expect(m.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(partitionName('sms_message', m)).toBe('sms_message_y2027m01');
    expect(partitionMonth('sms_message', 'sms_message_y2027m01')).toEqual(m);
    expect(partitionMonth('sms_message', 'security_event_y2027m01')).toBeNull();
    expect(partitionMonth('security_event', 'security_event_y2027m01_old')).toBeNull();
    expect(monthStart(m, -13).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });

  it('creates a month by ATTACH, bounded [first of the month, first of the next)', () => {
    expect(createPartitionSql('security_event', new Date('2027-02-14T10:00:00Z'))).toEqual([
      `CREATE TABLE IF NOT EXISTS "security_event_y2027m02" (LIKE "security_event" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) `,
      `ALTER TABLE "security_event" ATTACH PARTITION "security_event_y2027m02" FOR VALUES FROM ('2027-02-01T00:00:00.000Z') TO ('2027-03-01T00:00:00.000Z')`,
    ]);
    expect(createPartitionSql('sms_message', new Date('2027-02-14T10:00:00Z'))[0]).toMatch(/WITH \(fillfactor = 80\)$/);
  });

  it('makes message ids that are UUIDv7 of exactly their creation millisecond, each different', () => {
    const at = new Date('2026-12-02T17:36:20.123Z');
    const ids = Array.from({ length: 1000 }, () => messageId(at));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids.slice(0, 20)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
    }
  });
});

import { mapOvhDlr, parseWebhookReceipt } from './receipt-body.util';

describe('parseWebhookReceipt', () => {
  const parse = (v: unknown) => parseWebhookReceipt(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)));

  it('maps the documented statuses', () => {
    expect(parse({ id: 'gw-1', status: 'sent' })).toEqual({ id: 'gw-1', transition: { to: 'SENT' } });
    expect(parse({ id: 'gw-1', status: 'delivered' })).toEqual({ id: 'gw-1', transition: { to: 'DELIVERED' } });
    expect(parse({ id: 'gw-1', status: 'failed' })).toEqual({ id: 'gw-1', transition: { to: 'FAILED', reason: 'webhook failed' } });
    expect(parse({ id: 'gw-1', status: 'undelivered', reason: 'x\u0000y'.padEnd(300, 'z') })?.transition).toEqual({
      to: 'FAILED',
      reason: 'webhook undelivered: ' + ('x y'.padEnd(200, 'z')),
    });
  });

  it('is null for anything else', () => {
    for (const v of ['nope', '[]', 'null', { status: 'sent' }, { id: '', status: 'sent' }, { id: 'x'.repeat(129), status: 'sent' }, { id: 'a', status: 'SENT' }, { id: 'a', status: 'sent', reason: 1 }])
      expect(parse(v)).toBeNull();
  });
});

describe('mapOvhDlr', () => {
  it.each([
    ['1', { to: 'DELIVERED' }],
    ['4', { to: 'SENT' }],
    ['8', { to: 'SENT' }],
    ['2', { to: 'FAILED', reason: 'ovh not delivered (dlr 2)' }],
    ['16', { to: 'FAILED', reason: 'ovh not delivered (dlr 16)' }],
    ['3', { to: 'IGNORE' }],
    [undefined, { to: 'IGNORE' }],
  ])('%s → %j', (dlr, expected) => expect(mapOvhDlr(dlr, undefined)).toEqual(expected));
});

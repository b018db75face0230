import { JsonLogger } from './json-logger';
import { requestIdMiddleware, requestIdOf } from './request-id';

describe('JsonLogger', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes one JSON object per line with level, context and message', () => {
    new JsonLogger('api', 'info').log('hello', 'Boot');
    const line = JSON.parse(out[0]);
    expect(line).toMatchObject({ level: 'info', service: 'api', context: 'Boot', msg: 'hello' });
    expect(out[0].endsWith('\n')).toBe(true);
  });

  it('drops levels below the configured one', () => {
    const logger = new JsonLogger('api', 'warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.warn('loud');
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });

  it('keeps a well-formed incoming request id, on the answer and on the request', () => {
    const res = { setHeader: jest.fn() };
    const req = { headers: { 'x-request-id': 'lb-12345678' } };
    requestIdMiddleware(req as never, res as never, () => undefined);
    expect(res.setHeader).toHaveBeenCalledWith('X-Request-Id', 'lb-12345678');
    expect(requestIdOf(req as never)).toBe('lb-12345678');
  });

  it('writes the fields of a structured message (the request id of a line about a request)', () => {
    new JsonLogger('api', 'info').warn({ msg: 'blocked', requestId: 'lb-12345678' }, 'Guard');
    expect(JSON.parse(out[0])).toMatchObject({ level: 'warn', context: 'Guard', msg: 'blocked', requestId: 'lb-12345678' });
  });

  it('replaces a malformed incoming request id', () => {
    const res = { setHeader: jest.fn() };
    requestIdMiddleware({ headers: { 'x-request-id': 'bad id\n' } } as never, res as never, () => undefined);
    expect(res.setHeader.mock.calls[0][1]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

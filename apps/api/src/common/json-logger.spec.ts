import { JsonLogger } from './json-logger';
import { requestIdMiddleware } from './request-id';

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

  it('carries the request id of the request being served', () => {
    const res = { setHeader: jest.fn() };
    requestIdMiddleware({ headers: { 'x-request-id': 'lb-12345678' } } as never, res as never, () => new JsonLogger('api', 'info').log('inside'));
    expect(res.setHeader).toHaveBeenCalledWith('X-Request-Id', 'lb-12345678');
    expect(JSON.parse(out[0]).requestId).toBe('lb-12345678');
  });

  it('replaces a malformed incoming request id', () => {
    const res = { setHeader: jest.fn() };
    requestIdMiddleware({ headers: { 'x-request-id': 'bad id\n' } } as never, res as never, () => undefined);
    expect(res.setHeader.mock.calls[0][1]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

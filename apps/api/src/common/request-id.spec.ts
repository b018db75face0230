import { requestIdMiddleware, requestIdOf } from './request-id';

// The log lines themselves are tested with the shared logger (libs/shared/logging).
describe('requestIdMiddleware', () => {
  it('keeps a well-formed incoming request id, on the answer and on the request', () => {
    const res = { setHeader: jest.fn() };
    const req = { headers: { 'x-request-id': 'lb-12345678' } };
    requestIdMiddleware(req as never, res as never, () => undefined);
    expect(res.setHeader).toHaveBeenCalledWith('X-Request-Id', 'lb-12345678');
    expect(requestIdOf(req as never)).toBe('lb-12345678');
  });

  it('replaces a malformed incoming request id', () => {
    const res = { setHeader: jest.fn() };
    requestIdMiddleware({ headers: { 'x-request-id': 'bad id\n' } } as never, res as never, () => undefined);
    expect(res.setHeader.mock.calls[0][1]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

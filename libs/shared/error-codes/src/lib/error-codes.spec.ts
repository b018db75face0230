import { ERROR_CODES, ErrorCode, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('lists every contract v1 code exactly once, each equal to its key', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toHaveLength(17);
    for (const [key, value] of Object.entries(ErrorCode)) expect(key).toBe(value);
  });

  it('recognises codes and rejects anything else', () => {
    expect(isErrorCode('INVALID_CODE')).toBe(true);
    expect(isErrorCode('invalid_code')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});

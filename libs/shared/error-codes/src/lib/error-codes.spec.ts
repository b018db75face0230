import { ERROR_CODES, ErrorCode, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('lists every contract v1 code and the additions since exactly once, each equal to its key', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    // 17 of contract v1, then INVALID_TOKEN (password reset links) and VOICE_UNAVAILABLE (calls not configured).
    expect(ERROR_CODES).toHaveLength(19);
    for (const [key, value] of Object.entries(ErrorCode)) expect(key).toBe(value);
  });

  it('recognises codes and rejects anything else', () => {
    expect(isErrorCode('INVALID_CODE')).toBe(true);
    expect(isErrorCode('invalid_code')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});

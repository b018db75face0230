import { testT } from '../../../test/render';
import { formatRecoveryWait } from './recovery-time';

describe('formatRecoveryWait', () => {
  it('counts days from two days on, rounded up, and hours, minutes or seconds below', () => {
    const t = testT('en');
    expect(formatRecoveryWait(259_200, t)).toBe('3 days');
    expect(formatRecoveryWait(2 * 86_400 + 1, t)).toBe('3 days');
    expect(formatRecoveryWait(2 * 86_400, t)).toBe('2 days');
    expect(formatRecoveryWait(36 * 3600, t)).toBe('36 hours');
    expect(formatRecoveryWait(90, t)).toBe('2 minutes');
    expect(formatRecoveryWait(5, t)).toBe('5 seconds');
    expect(formatRecoveryWait(0, t)).toBe('1 second');
  });

  it('speaks French', () => {
    expect(formatRecoveryWait(259_200, testT('fr'))).toBe('3 jours');
    expect(formatRecoveryWait(86_400, testT('fr'))).toBe('24 heures');
  });
});

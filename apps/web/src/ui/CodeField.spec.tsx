import { useState } from 'react';
import { screen } from '@testing-library/react';
import { render } from '../test/render';
import userEvent from '@testing-library/user-event';
import { CodeField } from './CodeField';
import { formatBackupCode, isCompleteBackupCode, isCompleteSmsCode, sanitizeSmsCode } from './code-input';

function Harness({ kind }: { kind: 'sms' | 'totp' | 'backup' }) {
  const [value, setValue] = useState('');
  return (
    <CodeField
      label={kind === 'backup' ? 'Emergency code' : 'Confirmation code'}
      kind={kind}
      value={value}
      onChange={setValue}
    />
  );
}

describe('CodeField', () => {
  it('asks the phone for its numeric keypad and offers the code from the SMS', () => {
    render(<Harness kind="sms" />);
    const input = screen.getByLabelText('Confirmation code');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('keeps only six digits of what is typed or pasted', async () => {
    render(<Harness kind="sms" />);
    const input = screen.getByLabelText('Confirmation code');
    await userEvent.click(input);
    await userEvent.paste('#123 456 789');
    expect(input).toHaveProperty('value', '123456');
  });

  it('an authenticator app code: the same six digits and hints, but no WebOTP (no SMS to read)', async () => {
    const get = jest.fn(() => new Promise<never>(() => undefined));
    Object.assign(window, { OTPCredential: class OTPCredential {} });
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: { get } });
    try {
      const { unmount } = render(<Harness kind="totp" />);
      const input = screen.getByLabelText('Confirmation code');
      expect(input.getAttribute('autocomplete')).toBe('one-time-code');
      expect(input.getAttribute('inputmode')).toBe('numeric');
      await userEvent.type(input, '12 34-56 7');
      expect(input).toHaveProperty('value', '123456');
      expect(get).not.toHaveBeenCalled();
      unmount();
      render(<Harness kind="sms" />);
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      delete (window as { OTPCredential?: unknown }).OTPCredential;
      Object.defineProperty(navigator, 'credentials', { configurable: true, value: undefined });
    }
  });

  it('groups an emergency code by four, upper-cased', async () => {
    render(<Harness kind="backup" />);
    const input = screen.getByLabelText('Emergency code');
    await userEvent.type(input, 'abcd efgh-jkmn pqrs');
    expect(input).toHaveProperty('value', 'ABCD-EFGH-JKMN-PQRS');
  });

  it('recognises complete codes', () => {
    expect(sanitizeSmsCode(' 12-34 56 ')).toBe('123456');
    expect(isCompleteSmsCode('12345')).toBe(false);
    expect(isCompleteSmsCode('123456')).toBe(true);
    expect(formatBackupCode('abcd')).toBe('ABCD');
    expect(isCompleteBackupCode('ABCD-EFGH-JKMN-PQRS')).toBe(true);
    expect(isCompleteBackupCode('ABCD-EFGH')).toBe(false);
  });
});

import { act, screen } from '@testing-library/react';
import { render } from '../test/render';
import { ResendButton } from './ResendButton';
import { formatCountdown, secondsUntil } from './countdown';

describe('ResendButton', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-28T12:00:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  it('counts down to resendAvailableAt, then becomes available', () => {
    const onResend = jest.fn();
    render(<ResendButton availableAt="2026-11-28T12:00:03Z" onResend={onResend} />);
    const button = screen.getByRole('button');
    expect(button.textContent).toBe('Resend code in 0:03');
    expect(button).toHaveProperty('disabled', true);

    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(button.textContent).toBe('Resend code in 0:02');

    act(() => {
      jest.advanceTimersByTime(2000);
    });
    expect(button.textContent).toBe('Resend code');
    expect(button).toHaveProperty('disabled', false);
    button.click();
    expect(onResend).toHaveBeenCalledTimes(1);
  });

  it('restarts when a new dispatch moves resendAvailableAt', () => {
    const { rerender } = render(<ResendButton availableAt="2026-11-28T11:59:00Z" onResend={jest.fn()} />);
    expect(screen.getByRole('button').textContent).toBe('Resend code');
    rerender(<ResendButton availableAt="2026-11-28T12:00:30Z" onResend={jest.fn()} />);
    expect(screen.getByRole('button').textContent).toBe('Resend code in 0:30');
  });

  it('computes whole seconds and formats minutes', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(secondsUntil('2026-11-28T12:01:15Z', now)).toBe(75);
    expect(secondsUntil('2026-11-28T12:00:00.200Z', now)).toBe(1);
    expect(secondsUntil('2026-11-28T11:00:00Z', now)).toBe(0);
    expect(secondsUntil(null, now)).toBe(0);
    expect(formatCountdown(75)).toBe('1:15');
    expect(formatCountdown(9)).toBe('0:09');
  });
});

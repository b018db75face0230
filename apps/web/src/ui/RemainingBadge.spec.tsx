import { screen } from '@testing-library/react';
import { render } from '../test/render';
import { RemainingBadge, remainingTone } from './RemainingBadge';

describe('RemainingBadge', () => {
  it.each([
    [10, 'green'],
    [6, 'green'],
    [5, 'amber'],
    [4, 'amber'],
    [3, 'red'],
    [0, 'red'],
  ] as const)('%i remaining is %s', (remaining, tone) => {
    expect(remainingTone(remaining)).toBe(tone);
    const { unmount } = render(<RemainingBadge remaining={remaining} total={10} />);
    const badge = screen.getByText(new RegExp(`^${remaining} of 10 remaining`));
    expect(badge.getAttribute('data-tone')).toBe(tone);
    expect(badge.className).toContain(`badge--${tone}`);
    unmount();
  });

  it('says it in words, not only in colour', () => {
    render(<RemainingBadge remaining={2} total={10} />);
    expect(screen.getByText(/almost none left/)).toBeTruthy();
  });
});

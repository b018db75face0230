import { maskPhone } from './mask';

describe('maskPhone', () => {
  it('keeps the country prefix and the last two digits', () => {
    expect(maskPhone('+447700900123')).toBe('+44********23');
    expect(maskPhone('+33612345678')).toBe('+33*******78');
    expect(maskPhone('+123')).toBe('+***');
  });
});

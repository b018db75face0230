import { screen } from '@testing-library/react';
import { create } from 'qrcode';
import '../test/text-encoder';
import { render } from '../test/render';
import { QrCode, qrCodeDataUrl } from './QrCode';

const URI = 'otpauth://totp/Twofold:ada@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Twofold';

/** The dark modules an SVG path of qrcode's renderer draws ("M x y" starts a row, "m dx 0" skips, "h n" draws). */
function modulesOf(svg: string, margin: number): Set<string> {
  const d = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') {
      x = Number(a);
      y = Number(b) - 0.5;
    } else if (cmd === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i - margin},${y - margin}`);
      x += Number(a);
    }
  }
  return dark;
}

describe('QrCode', () => {
  it('draws the value locally as an SVG data URL with its alternative text', async () => {
    render(<QrCode value={URI} label="QR code to add Twofold to your authenticator app" fallback="Enter the key" />);
    const image = await screen.findByRole('img', { name: 'QR code to add Twofold to your authenticator app' });
    const src = image.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true); // no remote service, CSP img-src data:
    expect(decodeURIComponent(src)).not.toMatch(/href|<image|url\(/); // nothing inside fetches anything either
    expect(image.getAttribute('width')).toBe('192');
  });

  it("encodes exactly the otpauth URI: every dark module of the picture is one of qrcode's matrix", async () => {
    const svg = decodeURIComponent((await qrCodeDataUrl(URI)).split(',')[1]);
    const matrix = create(URI, { errorCorrectionLevel: 'M' }).modules;
    expect(svg).toContain(`viewBox="0 0 ${matrix.size + 8} ${matrix.size + 8}"`); // 4-module quiet zone each side
    expect(svg).toContain('fill="#ffffff"'); // white behind the modules, in the dark theme too
    const expected = new Set<string>();
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) if (matrix.get(row, col)) expected.add(`${col},${row}`);
    }
    expect(modulesOf(svg, 4)).toEqual(expected);
  });

  it('shows the fallback when the value cannot be encoded', async () => {
    render(
      <QrCode
        value={'x'.repeat(5000)}
        label="QR code"
        fallback="The QR code can't be shown here. Enter the key instead."
      />,
    );
    expect(await screen.findByText("The QR code can't be shown here. Enter the key instead.")).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

import { useEffect, useState } from 'react';
import { toString as qrToSvg } from 'qrcode';

interface QrCodeProps {
  /** What the code encodes, e.g. an otpauth:// URI. Never leaves the browser. */
  value: string;
  /** The picture's alternative text. */
  label: string;
  /** Shown instead of the picture when the value cannot be encoded (the caller offers another way). */
  fallback: string;
}

/** Side in CSS pixels (styles.css `.qr` gives every state the same square). */
const SIZE = 192;

/**
 * The SVG of a QR code for `value`, rendered here with `qrcode` (no remote service), as a
 * `data:` URL (the CSP allows `img-src 'self' data:`). Black on white with the standard 4-module
 * quiet zone in both themes: scanners read dark-on-light codes best.
 */
export async function qrCodeDataUrl(value: string): Promise<string> {
  const svg = await qrToSvg(value, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A QR code as an image with its alternative text; the same square while it is drawn. */
export function QrCode({ value, label, fallback }: QrCodeProps) {
  const [state, setState] = useState<{ value: string; url: string | null; failed: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    qrCodeDataUrl(value).then(
      (url) => live && setState({ value, url, failed: false }),
      () => live && setState({ value, url: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [value]);

  const current = state?.value === value ? state : null;
  if (current?.failed) {
    return (
      <p className="qr qr--failed" role="note">
        {fallback}
      </p>
    );
  }
  return current?.url ? (
    <img className="qr" src={current.url} alt={label} width={SIZE} height={SIZE} />
  ) : (
    <span className="qr qr--pending" aria-hidden="true" />
  );
}

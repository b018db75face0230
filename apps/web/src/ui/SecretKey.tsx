import { useState } from 'react';
import { useT } from '../i18n/translator';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and to type into an app. */
export function groupSecret(secret: string): string {
  return secret
    .replace(/[\s=]+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A secret key for manual entry, grouped in fours, with a Copy button that copies it without the
 * spaces (every app accepts that). `id` names the key, so a label elsewhere can point at it.
 */
export function SecretKey({ id, secret }: { id: string; secret: string }) {
  const t = useT();
  const [notice, setNotice] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.replace(/[\s=]+/g, '').toUpperCase());
      setNotice(t('secretKey.copied'));
    } catch {
      setNotice(t('secretKey.copyFailed'));
    }
  };

  return (
    <div className="secret-key">
      <code id={id} className="secret-key__value" data-testid="totp-secret">
        {groupSecret(secret)}
      </code>
      <button type="button" className="button button--secondary" onClick={copy}>
        {t('secretKey.copy')}
      </button>
      <p className="secret-key__notice" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}

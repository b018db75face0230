import { useId, useState, type FormEvent } from 'react';
import { useT, type Translator } from '../../../i18n/translator';

interface EmergencyCodesProps {
  codes: readonly string[];
  onSaved: () => void;
  headingLevel?: 'h2' | 'h3';
  /** The wizard already titles this step. */
  showHeading?: boolean;
}

export function codesAsText(codes: readonly string[], t: Translator, now = new Date()): string {
  return [
    t('codes.file.title'),
    t('codes.file.created', { date: now.toISOString().slice(0, 10) }),
    '',
    ...codes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
  ].join('\n');
}

/**
 * Emergency codes, shown once: copy, download as a text file, print, and an explicit
 * "I have saved these codes" before moving on.
 */
export function EmergencyCodes({ codes, onSaved, headingLevel = 'h3', showHeading = true }: EmergencyCodesProps) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const Heading = headingLevel;
  const t = useT();
  const fileName = t('codes.file.name');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codesAsText(codes, t));
      setNotice(t('codes.copied'));
    } catch {
      setNotice(t('codes.copyFailed'));
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([codesAsText(codes, t)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNotice(t('codes.downloaded', { file: fileName }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      setError(t('codes.confirmFirst'));
      return;
    }
    onSaved();
  };

  return (
    <section className="emergency-codes printable" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={showHeading ? undefined : 'visually-hidden'}>
        {t('codes.title')}
      </Heading>
      <p>{t.rich('codes.intro', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ol className="codes" aria-label={t('codes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions no-print">
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('codes.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('codes.download')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('codes.print')}
        </button>
      </div>
      <p className="notice no-print" role="status" aria-live="polite">
        {notice}
      </p>
      <form className="no-print" onSubmit={submit} noValidate>
        <div className="checkbox">
          <input
            id={`${id}-saved`}
            type="checkbox"
            checked={saved}
            aria-describedby={`${id}-error`}
            onChange={(event) => {
              setSaved(event.target.checked);
              setError('');
            }}
          />
          <label htmlFor={`${id}-saved`}>{t('codes.saved')}</label>
        </div>
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
        <div className="actions">
          <button type="submit" className="button">
            {t('common.done')}
          </button>
        </div>
      </form>
    </section>
  );
}

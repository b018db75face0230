import { useId, useState, type FormEvent } from 'react';

interface EmergencyCodesProps {
  codes: readonly string[];
  onSaved: () => void;
  headingLevel?: 'h2' | 'h3';
  /** The wizard already titles this step. */
  showHeading?: boolean;
}

export function codesAsText(codes: readonly string[], now = new Date()): string {
  return [
    'Twofold emergency codes',
    `Created ${now.toISOString().slice(0, 10)}. Each code works once. Keep them somewhere safe.`,
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

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codesAsText(codes));
      setNotice('Codes copied to the clipboard.');
    } catch {
      setNotice("Your browser didn't allow copying. Select the codes and copy them, or download them.");
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([codesAsText(codes)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'twofold-emergency-codes.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNotice('Codes downloaded as twofold-emergency-codes.txt.');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      setError('Confirm that you have saved the codes first.');
      return;
    }
    onSaved();
  };

  return (
    <section className="emergency-codes printable" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={showHeading ? undefined : 'visually-hidden'}>
        Emergency codes
      </Heading>
      <p>
        If you lose your phone, each of these codes lets you log in once.{' '}
        <strong>This is the only time they are shown.</strong> Save them somewhere safe, such as a password manager.
      </p>
      <ol className="codes" aria-label="Your emergency codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions no-print">
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          Download .txt
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
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
          <label htmlFor={`${id}-saved`}>I have saved these codes</label>
        </div>
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
        <div className="actions">
          <button type="submit" className="button">
            Done
          </button>
        </div>
      </form>
    </section>
  );
}

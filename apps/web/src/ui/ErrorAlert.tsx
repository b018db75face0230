import type { UiError } from '../errors/error-messages';

/** The error region of a form: always rendered (fixed place, no jump), announced when it fills. */
export function ErrorAlert({ error, id }: { error: UiError | string | null | undefined; id?: string }) {
  const message = typeof error === 'string' ? error : error?.message;
  return (
    <div id={id} className={message ? 'alert alert--error' : 'alert alert--empty'} role="alert" aria-live="assertive">
      {message ?? ''}
    </div>
  );
}

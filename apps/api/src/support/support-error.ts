/**
 * A refusal of an operator command (the CLI prints its message as one line): NOT_FOUND and
 * REFUSED exit with 1, BAD_USAGE with 2. Never carries a secret: masked numbers, ids and states only.
 */
export class SupportError extends Error {
  constructor(
    readonly kind: 'NOT_FOUND' | 'REFUSED' | 'BAD_USAGE',
    message: string,
  ) {
    super(message);
    this.name = 'SupportError';
  }
}

/** Who runs an operator command and why: recorded in the account's security events. */
export interface Operator {
  /** `--operator`, else $USER: at most 64 characters, no control characters. */
  name: string;
  /** `--reason`: at most 500 characters, no control characters. */
  reason: string | null;
}

import type { AppConfig } from '@twofold/config';

/** Injection token of the validated configuration (see @twofold/config). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };

import { TextEncoder } from 'node:util';

// jsdom has no TextEncoder (every browser does); qrcode encodes the value's bytes with it.
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder });

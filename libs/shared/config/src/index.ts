export * from './lib/config';
export * from './lib/trust-proxy';

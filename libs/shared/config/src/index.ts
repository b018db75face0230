export * from './lib/config';
export * from './lib/trust-proxy';
export * from './lib/redis-cluster';
export * from './lib/mail';
export * from './lib/voice';

export * from './lib/gateway';
export * from './lib/mail/mail-server';

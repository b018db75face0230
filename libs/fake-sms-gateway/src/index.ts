export * from './lib/gateway';

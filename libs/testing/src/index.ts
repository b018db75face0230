export * from './lib/test-database';
export * from './lib/test-redis';
export * from './lib/processes';

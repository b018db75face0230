export * from './lib/test-database';
export * from './lib/test-redis';
export * from './lib/processes';
export * from './lib/graphql-client';
export * from './lib/fake-sms-gateway';
export * from './lib/webauthn-authenticator';

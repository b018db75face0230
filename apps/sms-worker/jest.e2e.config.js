// Spawns the built worker (`nx run sms-worker:build` first; the e2e target depends on it)
// against a private redis-server, the shared PostgreSQL and tools/fake-sms-gateway.
module.exports = {
  displayName: 'sms-worker:e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};

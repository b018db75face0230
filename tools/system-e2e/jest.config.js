// Whole-system tests: the built API and SMS worker as separate processes (`nx run system-e2e:e2e`
// builds api, sms-worker and fake-sms-gateway first) against the shared PostgreSQL and Redis.
module.exports = {
  displayName: 'system-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};

// The security suite (SECURITY.md maps every case to its test): the built API and SMS worker as
// real processes (`nx run security-e2e:e2e` builds api, sms-worker and fake-sms-gateway first),
// the fake Twilio gateway in-process, a fresh PostgreSQL database and BullMQ prefix per file.
// web-server.e2e-spec.ts runs apps/web/server.mjs from source against a build it writes itself.
module.exports = {
  displayName: 'security-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};

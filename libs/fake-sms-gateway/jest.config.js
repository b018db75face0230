module.exports = {
  displayName: 'fake-sms-gateway-lib',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

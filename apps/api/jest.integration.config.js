// Real PostgreSQL and Redis over real HTTP; every file has its own database and queue prefix.
module.exports = {
  displayName: 'api:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};

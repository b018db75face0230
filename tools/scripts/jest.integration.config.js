module.exports = {
  displayName: 'scripts-integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.integration-spec.ts'],
};

// Shared by every project's jest.config.js: SWC for speed (with decorator
// metadata, which NestJS and TypeORM read at runtime) and Nx's resolver for
// the @twofold/* path aliases of tsconfig.base.json.
const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(ts|tsx|js|mjs)$': ['@swc/jest', swcConfig] },
  // otplib's Base32 and crypto plugins are ESM-only packages (@scure/base, @noble/hashes): jest compiles them to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble)/)'],
  clearMocks: true,
  reporters: ['default', require('node:path').join(__dirname, 'tools/jest/summary-reporter.js')],
  coverageReporters: ['text-summary', 'lcov'],
};

// Browser tests: Debian's Chromium driven by playwright-core against the built, started app.
// Named jest.e2e.config so `npm test` (unit and integration) does not pick it up.
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: `${__dirname}/tsconfig.json`, diagnostics: false }],
  },
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.cjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.cjs',
  testTimeout: 60_000,
  maxWorkers: 1,
};

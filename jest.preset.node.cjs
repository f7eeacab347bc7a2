// Shared Jest settings for Node-side projects (api, shared libs, tools).
// Each project's jest.config.cjs calls this with its own directory.
module.exports = (projectDir, displayName) => ({
  displayName,
  rootDir: projectDir,
  // Some libraries are exercised only through the API's integration tests (apps/api/test).
  passWithNoTests: true,
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      { tsconfig: `${projectDir}/tsconfig.spec.json`, diagnostics: false },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: `${__dirname}/coverage/${displayName}`,
});

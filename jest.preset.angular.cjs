// Shared Jest settings for Angular projects (admin app and libraries), zoneless.
module.exports = (projectDir, displayName) => ({
  displayName,
  rootDir: projectDir,
  // Some libraries are exercised only through the API's integration tests (apps/api/test).
  passWithNoTests: true,
  preset: 'jest-preset-angular',
  testEnvironment: 'jsdom',
  resolver: '@nx/jest/plugins/resolver',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: `${projectDir}/tsconfig.spec.json`, stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: `${__dirname}/coverage/${displayName}`,
});

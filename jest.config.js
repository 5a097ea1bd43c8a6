/** Type-checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  // The name-test counts per pattern first, so that jest's own summary stays the last lines.
  reporters: ['<rootDir>/test/helpers/name-tests-reporter.js', 'default'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Generous: the LibreOffice tests convert dozens of letters and CI machines may be slow or busy.
  testTimeout: 600000,
};

/**
 * Two jest projects:
 * - node: domain rules, the cloud functions (as built, through the real ESS SDK, against the
 *   bundled ESS emulator on 127.0.0.1) and the emulator itself;
 * - pages: the Taro pages in jsdom, with only Taro's runtime APIs mocked at the boundary;
 * - e2e: the H5 build in Chromium (playwright-core) against npm start's stack.
 */
const common = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
};

module.exports = {
  testTimeout: 20000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/tests/{domain,server,functions,emulator,devserver,scripts}/**/*.test.ts',
      ],
      globalSetup: '<rootDir>/tests/support/buildFunctions.globalSetup.js',
    },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/tests/pages/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/mocks/components.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/mocks/style.js',
      },
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/globalSetup.ts',
    },
  ],
};

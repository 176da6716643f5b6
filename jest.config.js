/**
 * The jest projects:
 * - node: domain rules, the cloud functions (as built, through the real ESS SDK, against the
 *   bundled ESS emulator on 127.0.0.1) and the emulator itself;
 * - pages / pages-h5: the Taro pages in jsdom, with only Taro's runtime APIs mocked at the
 *   boundary, resolved for the mini-program and for the H5 build respectively;
 * - e2e: the H5 build in Chromium (playwright-core) against npm start's stack.
 */
const common = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
};

/** The page tests that run against the H5 build's platform files. */
const H5_TESTS = '[hH]5\\.test\\.tsx?$';

/** A jsdom project that resolves `./x` to `./x.<platform>.ts(x)` first, as Taro's build does. */
function pagesProject(displayName, platform, overrides) {
  return {
    ...common,
    displayName,
    testEnvironment: 'jsdom',
    moduleFileExtensions: [`${platform}.ts`, `${platform}.tsx`, ...common.moduleFileExtensions],
    testMatch: ['<rootDir>/tests/pages/**/*.test.{ts,tsx}'],
    setupFilesAfterEnv: ['<rootDir>/tests/pages/setup.ts'],
    moduleNameMapper: {
      '^@tarojs/taro$': '<rootDir>/tests/mocks/taro.ts',
      '^@tarojs/components$': '<rootDir>/tests/mocks/components.tsx',
      '\\.(css|scss)$': '<rootDir>/tests/mocks/style.js',
    },
    ...overrides,
  };
}

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
    // The pages as the mini-program build resolves them: Taro's multi-platform files
    // (`x.weapp.ts` before `x.ts`), with the WeChat runtime mocked at the boundary.
    pagesProject('pages', 'weapp', {
      testPathIgnorePatterns: [H5_TESTS],
    }),
    // The same pages as the H5 build resolves them (`x.h5.ts`): the files named *h5.test / *H5.test.
    pagesProject('pages-h5', 'h5', {
      testMatch: [`<rootDir>/tests/pages/**/*[hH]5.test.{ts,tsx}`],
    }),
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/globalSetup.ts',
    },
  ],
};

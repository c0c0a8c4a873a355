// One jest configuration, two projects: unit tests beside the code and end-to-end suites in test/.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// A few dependencies ship only ES modules; swc turns them into CommonJS for jest (Node itself loads
// them with require(), which jest's module system does not do).
const esmOnly = ['content-disposition', 'openid-client', 'oauth4webapi', 'jose'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const moduleNameMapper = { '^@anslag/(.*)$': '<rootDir>/libs/$1/src' };
module.exports = {
  // Starting the real app, a browser or a private Redis takes seconds on a loaded two-core machine:
  // tests and their hooks get a minute before jest calls them hung (timing is measured in the bench).
  testTimeout: 60_000,
  // A worker ends with a heap of about a gigabyte (it has run some forty suites), and on a loaded machine
  // the process takes longer than jest's default half second to be gone after its last handle closed:
  // jest then kills it and blames a leaked handle. A handle left open keeps a worker for far longer.
  workerGracefulExitTimeout: 5_000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/docker/**/*.spec.ts',
      ],
      transform: { '^.+\\.(t|j)s$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      // Hooks build the whole app against real services; on a loaded machine that takes more than 5 s.
      testTimeout: 60_000,
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.(t|j)s$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      // Starting the real api takes seconds on a loaded machine; a hook or test gets 30 s unless it says more.
      testTimeout: 30_000,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
    {
      // The browser application in Debian's Chromium against the real api; each suite makes its own database.
      displayName: 'browser',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform: { '^.+\\.(t|j)s$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
  ],
};

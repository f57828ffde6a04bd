// One Jest run for every package and the server; PostgreSQL is started once in globalSetup.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/apps/server', '<rootDir>/apps/web/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm|@nestjs|file-type|load-esm|strtok3|token-types|@tokenizer|uint8array-extras|es-toolkit)(/|@|\\+))',
  ],
  moduleNameMapper: {
    '^@tessera/(schema|query|form-engine|flow-engine|report-engine|templates)$': '<rootDir>/packages/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/jest-global-setup.js',
  globalTeardown: '<rootDir>/test/jest-global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};

// One jest run, six projects: each folder of test/ is one kind of test.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
]

const aliases = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@shared/(.*)$': '<rootDir>/types/$1',
}

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // kysely 0.29 and content-disposition (of @fastify/static) ship ES modules only; jest (CommonJS on Node 20) needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(kysely|content-disposition|cookie)/)'],
  moduleNameMapper: aliases,
}

module.exports = {
  // A test's time limit is not a performance check (npm run bench is): PostgreSQL on a busy 2-core CI machine takes
  // well over jest's default 5 s to set up a schema or answer 300 racing orders.
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'domain', testEnvironment: 'node', testMatch: ['<rootDir>/test/domain/**/*.test.ts'] },
    { ...base, displayName: 'api', testEnvironment: 'node', testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/ui/setup-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/setup-dom.ts'],
      moduleNameMapper: {
        ...aliases,
        '^@tarojs/components$': '<rootDir>/test/ui/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/ui/taro-api.ts',
        '\\.(s?css)$': '<rootDir>/test/ui/style-stub.ts',
      },
    },
    {
      ...base,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      // dist/weapp is the built package under test: run it as WeChat would, untransformed.
      transformIgnorePatterns: [...base.transformIgnorePatterns, '<rootDir>/dist/'],
    },
    { ...base, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}

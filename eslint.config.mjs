import next from 'eslint-config-next';

const config = [
  ...next,
  {
    ignores: [
      '.next*/**',
      'node_modules/**',
      'db/migrations/**',
      'db/migrations-pg/**',
      'bench/results/**',
      'next-env.d.ts',
      'scratch/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
];

export default config;

import next from 'eslint-config-next';

const config = [
  ...next,
  {
    ignores: [
      '.next*/**',
      'node_modules/**',
      'db/migrations/**',
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

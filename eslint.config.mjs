import next from 'eslint-config-next';

const config = [
  ...next,
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', 'db/migrations/**', 'bench/results/**', 'next-env.d.ts', 'scratch/**', 'test-results/**'] },
];

export default config;

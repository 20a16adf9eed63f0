import next from 'eslint-config-next';

// The data layer runs on SQLite and PostgreSQL (db/engine.ts): Drizzle's SQLite-only executors would
// work in SQLite tests and fail on PostgreSQL, so outside db/ a query is awaited or goes through
// db/query.ts (first, one, rows, execute, written) and transactions through db/transaction.ts.
const SQLITE_ONLY =
  'SQLite only: await the query, or use first/one/rows/execute/written (db/query.ts).';
const portableQueries = {
  'no-restricted-syntax': [
    'error',
    {
      selector:
        // A Drizzle builder's executor; better-sqlite3's own statements (`.prepare(…).get()`) are for
        // what only SQLite has (backups, pragmas, tests of the file) and stay allowed.
        "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/][object.type='CallExpression']:not([object.callee.property.name='prepare'])",
      message: SQLITE_ONLY,
    },
    {
      selector:
        'CallExpression > MemberExpression.callee[object.name=/^(db|tx)$/][property.name=/^(get|all|run|values|transaction)$/]',
      message: `${SQLITE_ONLY} Transactions: inTransaction (db/transaction.ts).`,
    },
  ],
};

const config = [
  ...next,
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['db/sqlite/**', 'db/pg/**', 'bench/db-ceiling.ts', 'bench/raw-sale.ts'],
    rules: portableQueries,
  },
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

import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts (SQLite): `npm run db:generate-pg`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
});

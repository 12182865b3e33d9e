import { defineConfig } from 'drizzle-kit';

/** The state server's schema: one set of migrations for PGlite and PostgreSQL. */
export default defineConfig({
  dialect: 'postgresql',
  casing: 'snake_case',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});

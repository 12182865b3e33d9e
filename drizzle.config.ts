import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  casing: 'snake_case',
  schema: './electron/core/db/schema/index.ts',
  out: './electron/core/db/migrations',
});

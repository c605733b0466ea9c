/** drizzle-kit configuration of the gemeente subgraph: its own schema, its own migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/gemeente/db/tables.ts',
  out: './subgraphs/gemeente/migrations',
  schemaFilter: ['gemeente'],
  migrations: { table: 'gemeente_migrations', schema: 'drizzle' },
  strict: true,
});

/** drizzle-kit configuration of the corporatie subgraph: its own schema, its own migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/corporatie/db/tables.ts',
  out: './subgraphs/corporatie/migrations',
  schemaFilter: ['corporatie'],
  migrations: { table: 'corporatie_migrations', schema: 'drizzle' },
  strict: true,
});

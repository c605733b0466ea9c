/** drizzle-kit configuration of the garantiefonds subgraph: its own schema, its own migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/garantiefonds/db/tables.ts',
  out: './subgraphs/garantiefonds/migrations',
  schemaFilter: ['garantiefonds'],
  migrations: { table: 'garantiefonds_migrations', schema: 'drizzle' },
  strict: true,
});

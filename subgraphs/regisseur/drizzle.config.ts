/** drizzle-kit configuration of the regisseur subgraph: its own schema, its own migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/regisseur/db/tables.ts',
  out: './subgraphs/regisseur/migrations',
  schemaFilter: ['regisseur'],
  migrations: { table: 'regisseur_migrations', schema: 'drizzle' },
  strict: true,
});

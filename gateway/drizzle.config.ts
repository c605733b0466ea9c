/** drizzle-kit configuration of the gateway: its own schema, its own migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './gateway/db/tables.ts',
  out: './gateway/migrations',
  schemaFilter: ['gateway'],
  migrations: { table: 'gateway_migrations', schema: 'drizzle' },
  strict: true,
});

/**
 * Prints the SQL of a subgraph's custom log migration, since drizzle migrations are static files:
 *
 *     npx drizzle-kit generate --custom --name logboek_append_only   # creates an empty .sql file
 *     npx tsx subgraphs/common/logboek/print-sql.ts gemeente > <that file>
 *
 * With `--privileges <appRole> [<retentionRole>]` it prints the deployment's GRANT/REVOKE instead.
 */
import { appendOnlySql, privilegesSql } from './append-only.js';

const [schema, flag, appRole, retentionRole] = process.argv.slice(2);
if (!schema || (flag !== undefined && (flag !== '--privileges' || !appRole))) {
  process.stderr.write('usage: print-sql.ts <schema> [--privileges <appRole> [<retentionRole>]]\n');
  process.exit(2);
}
process.stdout.write(
  flag ? privilegesSql(schema, appRole!, retentionRole ? { retentionRole } : {}) : appendOnlySql(schema),
);

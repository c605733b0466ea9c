/**
 * Prints the SQL of a subgraph's custom log migration, since drizzle migrations are static files:
 *
 *     npx drizzle-kit generate --custom --name logboek_append_only   # creates an empty .sql file
 *     npx tsx subgraphs/common/logboek/print-sql.ts gemeente > <that file>
 *
 * With `--audit-keten` it prints the later custom migration that guards the audit chain
 * (`npx drizzle-kit generate --custom --name audit_keten_bewaking`). With
 * `--privileges <appRole> [<retentionRole>]` it prints the deployment's GRANT/REVOKE instead.
 */
import { appendOnlySql, auditKetenSql, privilegesSql } from './append-only.js';
import { appendRoutineSql } from './append-routine.js';

const [schema, flag, appRole, retentionRole] = process.argv.slice(2);
if (!schema || (flag !== undefined && flag !== '--audit-keten' && flag !== '--toevoegen' && (flag !== '--privileges' || !appRole))) {
  process.stderr.write('usage: print-sql.ts <schema> [--audit-keten | --toevoegen | --privileges <appRole> [<retentionRole>]]\n');
  process.exit(2);
}
process.stdout.write(
  flag === '--audit-keten'
    ? auditKetenSql(schema)
    : flag === '--toevoegen'
      ? appendRoutineSql(schema)
      : flag
        ? privilegesSql(schema, appRole!, retentionRole ? { retentionRole } : {})
        : appendOnlySql(schema),
);

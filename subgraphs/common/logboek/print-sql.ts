/**
 * Prints SQL of the log in a schema for a database administrator to read or run by hand:
 *
 *     npx tsx subgraphs/common/logboek/print-sql.ts gemeente            # the log's steps, as start-up runs them
 *     npx tsx subgraphs/common/logboek/print-sql.ts gemeente --privileges <appRole> [<retentionRole>]
 *
 * The steps run by themselves at start-up (`migrations.ts`); the privileges are the deployment's
 * GRANT/REVOKE, kept apart because role names differ per deployment.
 */
import { STATEMENT_BREAKPOINT, privilegesSql } from './append-only.js';
import { LOGBOEK_STAPPEN } from './migrations.js';

const [schema, flag, appRole, retentionRole] = process.argv.slice(2);
if (!schema || (flag !== undefined && (flag !== '--privileges' || !appRole))) {
  process.stderr.write('usage: print-sql.ts <schema> [--privileges <appRole> [<retentionRole>]]\n');
  process.exit(2);
}
process.stdout.write(
  flag
    ? privilegesSql(schema, appRole!, retentionRole ? { retentionRole } : {})
    : LOGBOEK_STAPPEN.map((stap) => `-- ${stap.naam}\n${stap.sql(schema)}`).join(`${STATEMENT_BREAKPOINT}\n`),
);

/**
 * `npm run retention [-- --droog] [-- --subgraph <name>]`: deletes case data whose retention term
 * passed (5 years after closing when the resident did not enter Woonkans, 15 when they did) and
 * runs the access log's own retention; prints what it deleted as counts per table (JSON), never
 * contents. `--droog` counts and rolls back, and leaves the logs alone.
 *
 * - Without `--subgraph` (embedded, or every database reachable from here): all four subgraphs, the
 *   regisseur's tables decide, the others delete first and the regisseur last. Databases as for the
 *   subgraphs: `DATABASE_URL_<NAME>` / `DATABASE_URL`, else the PGlite folder `.data/<name>` (stop
 *   the embedded service first, or let the service do it: `RETENTION_INTERVAL_HOURS`).
 * - With `--subgraph <name>` (deployed apart: each organisation for its own subgraph): the
 *   regisseur is asked at `REGISSEUR_URL` with the organisation's own token in `RETENTION_TOKEN`;
 *   the regisseur itself waits `RETENTIE_NAZORG_DAGEN` (default 30) days after a term ends before
 *   deleting its own rows, so the others learn of the expiry first.
 *
 * Exit code 0: done; 1: a subgraph failed (the others' deletions stand; the regisseur kept its
 * rows so the run can be repeated); 2: could not start (missing database, bad arguments).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrationsFolder, runEmbeddedRetention, runSubgraphRetention } from '../subgraphs/assemble.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import { subgraphConfigFromEnv } from '../subgraphs/common/config.js';
import { openDatabase, type Database } from '../subgraphs/common/database.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({ options: { droog: { type: 'boolean', default: false }, subgraph: { type: 'string' } } });
const only = values.subgraph as SubgraphName | undefined;
if (only && !(SUBGRAPH_NAMES as readonly string[]).includes(only)) fail(`onbekende subgraph: ${only}`);

const names = only ? [only] : [...SUBGRAPH_NAMES];
if (only && only !== 'regisseur' && !process.env['RETENTION_TOKEN']) {
  fail('RETENTION_TOKEN ontbreekt: het token van de eigen organisatie, om de regisseur te vragen');
}
// Every database must be there before any is opened: retention never creates an empty one.
for (const name of names) {
  const config = subgraphConfigFromEnv(name, DEFAULT_PORTS[name]);
  if (!config.databaseUrl && (!config.dataDir || !existsSync(join(config.dataDir, 'PG_VERSION')))) {
    fail(`${name}: geen database in ${config.dataDir ?? '(geen map)'}`);
  }
}

async function open(name: SubgraphName): Promise<Database> {
  const config = subgraphConfigFromEnv(name, DEFAULT_PORTS[name]);
  return openDatabase({ schema: name, url: config.databaseUrl, dataDir: config.dataDir, migrationsFolder: migrationsFolder(name) });
}

const databases = {} as Record<SubgraphName, Database>;
try {
  for (const name of names) databases[name] = await open(name);
  const now = new Date();
  const errors: string[] = [];
  const logError = (message: string, error: unknown) => {
    errors.push(message);
    process.stderr.write(`${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);
  };
  if (only) {
    const nazorg = process.env['RETENTIE_NAZORG_DAGEN'];
    const token = process.env['RETENTION_TOKEN'];
    const config = subgraphConfigFromEnv(only, DEFAULT_PORTS[only]);
    const report = await runSubgraphRetention(only, databases[only], {
      now,
      droog: values.droog,
      logError,
      ...(nazorg !== undefined ? { nazorgDagen: Number(nazorg) } : {}),
      ...(token ? { regisseur: { url: config.regisseurUrl, token: async () => token } } : {}),
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const report = await runEmbeddedRetention(databases, { now, droog: values.droog, logError });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.mislukt.length > 0) process.exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`retentie mislukt: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await Promise.allSettled(Object.values(databases).map((d) => d.close()));
}

/**
 * `npm run verify-log [-- --subgraph <name> ...]`: proves every subgraph's access log was not
 * changed (hash chain, seals). Reads the same configuration as the subgraphs: a PostgreSQL server
 * via `DATABASE_URL_<NAME>` / `DATABASE_URL`, otherwise the embedded PGlite folder
 * `.data/<name>` (or `$PGLITE_DIR/<name>`). Stop the embedded service first: one PGlite folder must
 * not be opened by two processes.
 *
 * Checks both chains (processing records and audit rows) and, when the log's signed head checkpoint
 * is found (`LOGBOEK_CONTROLEPUNT_DIR`, else `$PGLITE_DIR/logboek-controlepunten` or
 * `.data/logboek-controlepunten`; the public key from `LOGBOEK_CONTROLEPUNT_KEY_FILE`, else the
 * demo's development key there), that each chain reaches it: "GEBROKEN: afgekapt na seq n" otherwise.
 *
 * Prints one line per subgraph. Exit code 0: all intact; 1: a chain is broken (the line names the
 * first broken seq); 2: nothing broken found, but a log could not be checked (missing database).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrationsFolder, logboekVan } from '../subgraphs/assemble.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import { subgraphConfigFromEnv } from '../subgraphs/common/config.js';
import { openDatabase, type Database } from '../subgraphs/common/database.js';
import {
  checkpointConfigFromEnv,
  checkpointFile,
  loadCheckpointVerifyingKey,
  readCheckpoint,
  type CheckpointVerifyingKey,
} from '../subgraphs/common/logboek/checkpoint.js';
import { exitCodeOf, formatOutcome, verifyLogs, type VerifyOutcome } from '../subgraphs/common/logboek/verify-report.js';

const { values } = parseArgs({ options: { subgraph: { type: 'string', multiple: true } } });
const names = (values.subgraph ?? [...SUBGRAPH_NAMES]) as SubgraphName[];
const unknown = names.filter((n) => !(SUBGRAPH_NAMES as readonly string[]).includes(n));
if (unknown.length > 0) {
  process.stderr.write(`onbekende subgraph: ${unknown.join(', ')} (kies uit ${SUBGRAPH_NAMES.join(', ')})\n`);
  process.exit(2);
}

const checkpointConfig = checkpointConfigFromEnv(process.env, process.env['PGLITE_DIR'] ?? '.data');
let checkpointKey: CheckpointVerifyingKey | undefined;
let checkpointKeyProblem: string | undefined;
if (checkpointConfig) {
  try {
    checkpointKey = await loadCheckpointVerifyingKey(checkpointConfig.keyFile);
  } catch (error) {
    checkpointKeyProblem = `sleutel van de controlepunten niet te lezen (${checkpointConfig.keyFile}: ${(error as Error).message})`;
  }
}

const outcomes: VerifyOutcome[] = [];
for (const name of names) {
  const config = subgraphConfigFromEnv(name, DEFAULT_PORTS[name]);
  // Verifying must never create an empty embedded database and then call it intact.
  if (!config.databaseUrl && (!config.dataDir || !existsSync(join(config.dataDir, 'PG_VERSION')))) {
    outcomes.push({ subgraph: name, status: 'niet-gecontroleerd', reason: `geen database in ${config.dataDir ?? '(geen map)'}` });
    process.stdout.write(`${formatOutcome(outcomes.at(-1)!)}\n`);
    continue;
  }
  let database: Database | undefined;
  try {
    database = await openDatabase({ schema: name, url: config.databaseUrl, dataDir: config.dataDir, migrationsFolder: migrationsFolder(name) });
    const { schema, tables } = logboekVan(name);
    const dir = checkpointConfig?.dir;
    if (dir && !checkpointKey && existsSync(checkpointFile(dir, schema))) {
      // A checkpoint that cannot be checked is not taken for absent: the log is then not verified.
      outcomes.push({ subgraph: name, status: 'niet-gecontroleerd', reason: checkpointKeyProblem ?? 'sleutel van de controlepunten ontbreekt' });
    } else {
      const checkpoint = dir && checkpointKey ? () => readCheckpoint(dir, schema, checkpointKey!) : async () => null;
      outcomes.push(...(await verifyLogs([{ subgraph: name, db: database.db, schema, tables, checkpoint }])));
    }
  } catch (error) {
    outcomes.push({ subgraph: name, status: 'niet-gecontroleerd', reason: `database niet bereikbaar (${(error as Error).message})` });
  } finally {
    await database?.close().catch(() => {});
  }
  process.stdout.write(`${formatOutcome(outcomes.at(-1)!)}\n`);
}
process.exitCode = exitCodeOf(outcomes);

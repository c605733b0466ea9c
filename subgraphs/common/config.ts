/**
 * A subgraph's configuration, parsed once from the environment. The same code runs embedded
 * (PGlite in `.data/<name>`) or against a PostgreSQL server (`DATABASE_URL_<NAME>` or `DATABASE_URL`).
 * Identity (`JWKS_URL` …) is parsed apart, by `authConfigFromEnv`, only where a service verifies
 * tokens: the maintenance scripts (retention, verify-log) share this configuration without it.
 */
import { parseRetentionInterval } from './retention/schedule.js';

export interface SubgraphConfig {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string | undefined;
  /** The regisseur subgraph's base URL (policy context, routeplanner); unused by the regisseur itself. */
  readonly regisseurUrl: string;
  /** Hours between retention runs inside the service (`RETENTION_INTERVAL_HOURS`); none when unset. */
  readonly retentionIntervalHours: number | undefined;
  /**
   * A file holding the organisation's token for asking the regisseur which cases expired
   * (`RETENTION_TOKEN_FILE`); re-read at every run so the IdP can rotate it. Not for the regisseur.
   */
  readonly retentionTokenFile: string | undefined;
  /** The Werkgroep's small-cell threshold (`MONITORING_DREMPEL`, at least 5; regisseur only). */
  readonly monitoringDrempel: number | undefined;
}

type Env = Record<string, string | undefined>;

function drempel(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 5) throw new TypeError(`MONITORING_DREMPEL moet een geheel getal van minstens 5 zijn, niet "${raw}"`);
  return n;
}

export function subgraphConfigFromEnv(name: string, defaultPort: number, env: Env = process.env): SubgraphConfig {
  const upper = name.toUpperCase();
  const rawPort = env[`${upper}_PORT`];
  const port = rawPort ? Number(rawPort) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`${upper}_PORT ongeldig: ${rawPort}`);
  return Object.freeze({
    name,
    port,
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl: env[`DATABASE_URL_${upper}`] ?? env['DATABASE_URL'] ?? undefined,
    dataDir: env['PGLITE_DIR'] ? `${env['PGLITE_DIR']}/${name}` : `.data/${name}`,
    regisseurUrl: env['REGISSEUR_URL'] ?? 'http://127.0.0.1:4002',
    retentionIntervalHours: parseRetentionInterval(env['RETENTION_INTERVAL_HOURS']),
    retentionTokenFile: env['RETENTION_TOKEN_FILE'] || undefined,
    monitoringDrempel: drempel(env['MONITORING_DREMPEL']),
  });
}

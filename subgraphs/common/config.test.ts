import { describe, expect, it } from 'vitest';
import { subgraphConfigFromEnv } from './config.js';

describe('subgraph configuration', () => {
  it('uses PGlite in .data/<name> unless a database URL is set, per subgraph or shared', () => {
    expect(subgraphConfigFromEnv('gemeente', 4001, {})).toMatchObject({ port: 4001, databaseUrl: undefined, dataDir: '.data/gemeente' });
    expect(subgraphConfigFromEnv('gemeente', 4001, { DATABASE_URL: 'postgres://a/b' }).databaseUrl).toBe('postgres://a/b');
    expect(subgraphConfigFromEnv('gemeente', 4001, { DATABASE_URL: 'postgres://a/b', DATABASE_URL_GEMEENTE: 'postgres://c/d' }).databaseUrl).toBe('postgres://c/d');
  });

  it('refuses at boot a bad port, a bad retention interval and a small-cell threshold below 5', () => {
    expect(() => subgraphConfigFromEnv('gemeente', 4001, { GEMEENTE_PORT: 'x' })).toThrow(/GEMEENTE_PORT/);
    expect(() => subgraphConfigFromEnv('gemeente', 4001, { RETENTION_INTERVAL_HOURS: '-1' })).toThrow(/RETENTION_INTERVAL_HOURS/);
    expect(() => subgraphConfigFromEnv('regisseur', 4002, { MONITORING_DREMPEL: '3' })).toThrow(/MONITORING_DREMPEL/);
    expect(subgraphConfigFromEnv('regisseur', 4002, { MONITORING_DREMPEL: '10' }).monitoringDrempel).toBe(10);
  });
});

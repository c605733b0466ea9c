/**
 * A database per size on the PostgreSQL server that `DATABASE_URL` names: `<database>_schaal_<n>`,
 * loaded once (minutes at 100k) and reused by every later run, as long as it holds exactly that
 * many cases. A partly loaded one (a load that stopped) is dropped and loaded again.
 */
import { count } from 'drizzle-orm';
import postgres from 'postgres';
import { migrationsFolder } from '../../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog.js';
import { openDatabase, type Database } from '../../subgraphs/common/database.js';
import { trajecten } from '../../subgraphs/regisseur/db/tables.js';
import type { DemoDatabases } from '../demo-data/index.js';
import { loadScale, type ScaleOptions, type ScaleResult } from './load.js';

export function scaleDatabaseUrl(baseUrl: string, aantal: number): string {
  const url = new URL(baseUrl);
  const base = url.pathname.replace(/^\//, '') || 'postgres';
  url.pathname = `/${base}_schaal_${aantal}`;
  return url.toString();
}

/** The four subgraphs' databases (one schema each) on `url`, migrated; without one, each its own in-memory PGlite (tests). */
export async function openSubgraphDatabases(url: string | undefined): Promise<Record<SubgraphName, Database>> {
  const entries = await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await openDatabase({ schema: name, url, migrationsFolder: migrationsFolder(name) })] as const));
  return Object.fromEntries(entries) as Record<SubgraphName, Database>;
}

/** The handles the demo seed and the scale loader write through. */
export const demoDatabases = (dbs: Record<SubgraphName, Database>): DemoDatabases => ({
  gemeente: dbs.gemeente.db,
  regisseur: dbs.regisseur.db,
  corporatie: dbs.corporatie.db,
  garantiefonds: dbs.garantiefonds.db,
});

export const closeAll = (dbs: Record<SubgraphName, Database>): Promise<unknown> => Promise.all(Object.values(dbs).map((d) => d.close()));

async function casesIn(url: string): Promise<number> {
  const dbs = await openSubgraphDatabases(url);
  try {
    const [row] = await dbs.regisseur.db.select({ n: count() }).from(trajecten);
    return Number(row?.n ?? 0);
  } finally {
    await closeAll(dbs);
  }
}

/** The size's database, created and loaded when it is not there yet; `loaded` is null when reused. */
export async function ensureScaleDatabase(baseUrl: string, options: ScaleOptions): Promise<{ url: string; loaded: ScaleResult | null }> {
  const url = scaleDatabaseUrl(baseUrl, options.aantal);
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
    if (exists && (await casesIn(url)) === options.aantal) return { url, loaded: null };
    if (exists) await admin.unsafe(`drop database "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const dbs = await openSubgraphDatabases(url);
  try {
    const loaded = await loadScale(demoDatabases(dbs), options);
    return { url, loaded };
  } finally {
    await closeAll(dbs);
  }
}

/**
 * The hash chain that makes the log tamper-evident: every processing record carries the hash of
 * the one before it, so changing, removing or inserting a row anywhere breaks every later link.
 * `hash = sha256(vorige_hash || canonical JSON of the row's content)`, genesis = 64 zeros.
 * Pure functions: the writer and the verifier compute exactly the same bytes.
 */
import { hash } from 'node:crypto';
import type { AuditRow, VerwerkingRow } from './tables.js';

/** The `vorige_hash` of the very first row of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed of a row: everything but the database id and the chain columns themselves. */
export type ChainFields = Omit<VerwerkingRow, 'id' | 'vorigeHash' | 'hash'>;

/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit), no whitespace, timestamps as ISO 8601
 * UTC strings with milliseconds, `undefined` properties left out. Anything that has no single
 * stable text (NaN, Infinity, bigint, functions, class instances) is refused rather than guessed.
 * Written straight into the text, without a sorted copy of each object first: the writer hashes
 * every record of every request (about 130 for the regisseur's 20-case view).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no canonical form`);
      return JSON.stringify(value);
    case 'object':
      return canonicalObject(value);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} has no canonical form`);
  }
}

function canonicalObject(value: object): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('canonicalJson: invalid date');
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: object has no canonical form');
  let out = '';
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/**
 * The hashed content of a row, under its database column names, so that anyone holding only the
 * table (an auditor with SQL) can recompute the chain without this code's property names.
 */
const CHAIN_COLUMNS = {
  seq: 'seq',
  segment: 'segment',
  trace_id: 'traceId',
  span_id: 'spanId',
  parent_span_id: 'parentSpanId',
  verwerkingsactiviteit_id: 'verwerkingsactiviteitId',
  betrokkene: 'betrokkene',
  traject_id: 'trajectId',
  partij: 'partij',
  organisatie: 'organisatie',
  velden: 'velden',
  categorieen: 'categorieen',
  toegestaan: 'toegestaan',
  reden: 'reden',
  grondslag: 'grondslag',
  doel: 'doel',
  fase: 'fase',
  relatie: 'relatie',
  toestemming_id: 'toestemmingId',
  doorbreking_id: 'doorbrekingId',
  tijdstip: 'tijdstip',
} as const satisfies Record<string, keyof ChainFields>;

export function chainContent(row: ChainFields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(CHAIN_COLUMNS).map(([column, key]) => [column, row[key]]));
}

/** The columns in canonical (sorted) order, each with its `"name":` already written. */
const CHAIN_TEXT = Object.entries(CHAIN_COLUMNS)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([column, key]) => ({ label: `${JSON.stringify(column)}:`, key }));

/**
 * `canonicalJson(chainContent(row))`, written straight from the row: the writer links every record
 * of every request (about 130 per regisseur view), and the object in between, its key sort and its
 * key quoting were most of a link's cost. `chain.test.ts` holds the two equal for any row.
 */
export function chainText(row: ChainFields): string {
  let out = '';
  for (const { label, key } of CHAIN_TEXT) {
    const v = row[key];
    if (v !== undefined) out += `${out ? ',' : ''}${label}${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/** One link of a chain over a content's canonical text: `sha256(vorigeHash || text)`, hex. */
function linkText(vorigeHash: string, text: string): string {
  return hash('sha256', vorigeHash + text, 'hex');
}

/** `sha256(vorigeHash || canonicalJson(content))`, hex. */
export function chainHash(vorigeHash: string, row: ChainFields): string {
  return linkText(vorigeHash, chainText(row));
}

/** A row with room for its place in the chain, filled in by `chainInPlace`. */
export type Chainable = ChainFields & { vorigeHash: string; hash: string };

/**
 * Links rows (in seq order) after `vorigeHash` by setting their `vorigeHash` and `hash`: the writer's
 * path, which builds each row once with a fixed shape instead of copying it per step. Returns the
 * chain's new head hash (`vorigeHash` when there are no rows).
 */
export function chainInPlace(vorigeHash: string, rows: readonly Chainable[]): string {
  let prev = vorigeHash;
  for (const row of rows) {
    row.vorigeHash = prev;
    row.hash = linkText(prev, chainText(row));
    prev = row.hash;
  }
  return prev;
}

/** Links rows (in seq order) after `vorigeHash`: returns each with its `vorigeHash` and `hash`. */
export function linkRows<T extends ChainFields>(vorigeHash: string, rows: readonly T[]): (T & { vorigeHash: string; hash: string })[] {
  const linked = rows.map((row) => ({ ...row, vorigeHash: '', hash: '' }));
  chainInPlace(vorigeHash, linked);
  return linked;
}

/** What is hashed of an audit row: everything but the database id and the chain columns. */
export type AuditChainFields = Omit<AuditRow, 'id' | 'seq' | 'vorigeHash' | 'hash'> & { readonly seq: number };

/** The hashed content of an audit row, under its column names (as `chainContent`). */
export function auditChainContent(row: AuditChainFields): Record<string, unknown> {
  return {
    seq: row.seq,
    segment: row.segment,
    trace_id: row.traceId,
    span_id: row.spanId,
    sub: row.sub,
    partij: row.partij,
    organisatie: row.organisatie,
    rol: row.rol,
    azp: row.azp,
    acr: row.acr,
    operation_name: row.operationName,
    tijdstip: row.tijdstip,
  };
}

/** The audit chain's link: `sha256(vorigeHash || canonicalJson(auditChainContent(row)))`, hex. */
export function auditChainHash(vorigeHash: string, row: AuditChainFields): string {
  return linkText(vorigeHash, canonicalJson(auditChainContent(row)));
}

/** Links audit rows (in seq order) after `vorigeHash`, as `linkRows` does processing records. */
export function linkAuditRows<T extends AuditChainFields>(vorigeHash: string, rows: readonly T[]): (T & { vorigeHash: string; hash: string })[] {
  let prev = vorigeHash;
  return rows.map((row) => {
    const linked = { ...row, vorigeHash: prev, hash: auditChainHash(prev, row) };
    prev = linked.hash;
    return linked;
  });
}

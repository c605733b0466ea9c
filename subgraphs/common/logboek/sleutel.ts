/**
 * The `sleutel` of the `Inzage` and `Toezicht` entities: base64url JSON, opaque to clients. It is
 * NOT a credential: anyone can write one and send it straight to a subgraph as an `_entities`
 * representation. So it only narrows what the caller asks for (which cases, which period); every
 * subgraph decides again from the caller's verified token and the policy context whether it may
 * answer (see `resolvers.ts`). Malformed keys are refused with ONGELDIGE_INVOER rather than read
 * as "nothing", so a client bug is not mistaken for an empty log.
 */
import { ErrorCode, weigering } from '../../../schema/errors.js';

/** A resident has a handful of cases; the bound keeps one key from fanning out into a huge lookup. */
export const MAX_TRAJECTEN = 100;
const MAX_LENGTH = 16_384;

export interface Periode {
  readonly van?: Date | undefined;
  readonly tot?: Date | undefined;
}

export interface InzageSleutel extends Periode {
  /** The resident's cases as the regisseur listed them: id and code (the code only labels rows). */
  readonly trajecten: readonly { readonly id: string; readonly code: string | null }[];
}

const ongeldig = (message: string) => weigering(ErrorCode.ONGELDIGE_INVOER, message);

/** Parses an optional ISO 8601 date or time from a client; `tot` must lie after `van`. */
export function parsePeriode(van: string | null | undefined, tot: string | null | undefined): Periode {
  const parse = (value: string | null | undefined, name: string) => {
    if (value === null || value === undefined) return undefined;
    const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) throw ongeldig(`${name} is geen datum (ISO 8601, bv. 2025-01-31).`);
    return new Date(ms);
  };
  const periode = { van: parse(van, 'van'), tot: parse(tot, 'tot') };
  if (periode.van && periode.tot && periode.tot.getTime() <= periode.van.getTime()) throw ongeldig('tot ligt niet na van.');
  return periode;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(sleutel: unknown, soort: 'I' | 'T'): Record<string, unknown> {
  if (typeof sleutel !== 'string' || sleutel.length === 0 || sleutel.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(sleutel)) {
    throw ongeldig('Ongeldige sleutel.');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(sleutel, 'base64url').toString('utf8'));
  } catch {
    throw ongeldig('Ongeldige sleutel.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ongeldig('Ongeldige sleutel.');
  const record = value as Record<string, unknown>;
  if (record['v'] !== 1 || record['s'] !== soort) throw ongeldig('Ongeldige sleutel.');
  return record;
}

function periodeVan(record: Record<string, unknown>): Periode {
  const iso = (v: unknown) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw ongeldig('Ongeldige sleutel.');
    return v;
  };
  return parsePeriode(iso(record['van']), iso(record['tot']));
}

export function encodeInzageSleutel(sleutel: InzageSleutel): string {
  return encode({
    v: 1,
    s: 'I',
    t: sleutel.trajecten.map((t) => [t.id, t.code]),
    ...(sleutel.van ? { van: sleutel.van.toISOString() } : {}),
    ...(sleutel.tot ? { tot: sleutel.tot.toISOString() } : {}),
  });
}

export function decodeInzageSleutel(sleutel: unknown): InzageSleutel {
  const record = decode(sleutel, 'I');
  const t = record['t'];
  if (!Array.isArray(t) || t.length > MAX_TRAJECTEN) throw ongeldig('Ongeldige sleutel.');
  const trajecten = t.map((entry) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || entry[0].length === 0 || entry[0].length > 200) {
      throw ongeldig('Ongeldige sleutel.');
    }
    const code = entry[1];
    if (code !== null && (typeof code !== 'string' || code.length > 64)) throw ongeldig('Ongeldige sleutel.');
    return { id: entry[0], code };
  });
  return { trajecten, ...periodeVan(record) };
}

export function encodeToezichtSleutel(periode: Periode): string {
  return encode({
    v: 1,
    s: 'T',
    ...(periode.van ? { van: periode.van.toISOString() } : {}),
    ...(periode.tot ? { tot: periode.tot.toISOString() } : {}),
  });
}

export function decodeToezichtSleutel(sleutel: unknown): Periode {
  return periodeVan(decode(sleutel, 'T'));
}

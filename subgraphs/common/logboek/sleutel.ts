/**
 * The `sleutel` of the `Inzage` and `Toezicht` entities: base64url JSON plus an HMAC-SHA256 over it
 * (`<payload>.<mac>`), opaque to clients. The regisseur issues it; every subgraph checks the MAC with
 * the federation's key (`SLEUTEL_KEY_FILE`), so a key altered by its holder — another case code to
 * be echoed on the resident's own rows, say — is refused with SLEUTEL_ONGELDIG. It is still NOT a
 * credential: it only narrows what the caller asks for (which cases, which period), and every
 * subgraph decides again from the caller's verified token and the policy context whether it may
 * answer (see `resolvers.ts`). Malformed keys are refused with ONGELDIGE_INVOER rather than read as
 * "nothing", so a client bug is not mistaken for an empty log.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
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

/** The HMAC key must be at least as long as its output: shorter keys are guessable. */
export const MIN_KEY_BYTES = 32;
/** Binds the MAC to this use, so a MAC made with the same key for anything else never fits. */
const DOMAIN = 'woonkans-sleutel.v1.';

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', key).update(DOMAIN + payload).digest();
}

function encode(key: Uint8Array, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

function decode(key: Uint8Array, sleutel: unknown, soort: 'I' | 'T'): Record<string, unknown> {
  if (typeof sleutel !== 'string' || sleutel.length === 0 || sleutel.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(sleutel)) {
    throw ongeldig('Ongeldige sleutel.');
  }
  const [payload, given] = sleutel.split('.') as [string, string];
  const expected = mac(key, payload);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw weigering(ErrorCode.SLEUTEL_ONGELDIG, 'De sleutel is gewijzigd of niet door Woonkans uitgegeven; vraag een nieuwe op.');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
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

function encodeInzage(key: Uint8Array, sleutel: InzageSleutel): string {
  return encode(key, {
    v: 1,
    s: 'I',
    t: sleutel.trajecten.map((t) => [t.id, t.code]),
    ...(sleutel.van ? { van: sleutel.van.toISOString() } : {}),
    ...(sleutel.tot ? { tot: sleutel.tot.toISOString() } : {}),
  });
}

function decodeInzage(key: Uint8Array, sleutel: unknown): InzageSleutel {
  const record = decode(key, sleutel, 'I');
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

function encodeToezicht(key: Uint8Array, periode: Periode): string {
  return encode(key, {
    v: 1,
    s: 'T',
    ...(periode.van ? { van: periode.van.toISOString() } : {}),
    ...(periode.tot ? { tot: periode.tot.toISOString() } : {}),
  });
}

function decodeToezicht(key: Uint8Array, sleutel: unknown): Periode {
  return periodeVan(decode(key, sleutel, 'T'));
}

export interface SleutelCodec {
  encodeInzageSleutel(sleutel: InzageSleutel): string;
  decodeInzageSleutel(sleutel: unknown): InzageSleutel;
  encodeToezichtSleutel(periode: Periode): string;
  decodeToezichtSleutel(sleutel: unknown): Periode;
}

/** Keys signed and checked with `key`: the same key in every subgraph of the federation. */
export function createSleutelCodec(key: Uint8Array): SleutelCodec {
  if (key.length < MIN_KEY_BYTES) throw new TypeError(`de sleutel-HMAC-sleutel moet minstens ${MIN_KEY_BYTES} bytes zijn`);
  return Object.freeze({
    encodeInzageSleutel: (sleutel: InzageSleutel) => encodeInzage(key, sleutel),
    decodeInzageSleutel: (sleutel: unknown) => decodeInzage(key, sleutel),
    encodeToezichtSleutel: (periode: Periode) => encodeToezicht(key, periode),
    decodeToezichtSleutel: (sleutel: unknown) => decodeToezicht(key, sleutel),
  });
}

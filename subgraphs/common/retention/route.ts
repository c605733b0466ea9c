/**
 * Deployed apart, an organisation runs retention for its own subgraph and asks the regisseur which
 * of ITS case ids expired: `POST /bewaartermijn` with `{ "trajectIds": [...] }`, authenticated with
 * the organisation's own token (a machine token of its identity provider). Decisions:
 *
 * - The caller sends the ids it already holds and learns only their status (expired / still
 *   running), and only of the cases its subgraph may hold rows of (`houdtRijenVan`, next to the
 *   relations in schema/relations.ts); any other id is answered as an unknown one. It never receives
 *   a list of cases, so no special "beheer" role is needed and no party learns of a case it did not know.
 * - Only the parties that keep a subgraph may ask: GEMEENTE, REGISSEUR, CORPORATIE, GARANTIEFONDS
 *   (not the resident, the Werkgroep or the privacy officer, who hold no case data).
 * - The regisseur's own clock decides, never the caller's: nobody can make a case expire early.
 */
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../../../schema/context.js';
import { ErrorCode } from '../../../schema/errors.js';
import type { Partij } from '../../../schema/vocabulary.js';
import type { Route } from '../http.js';
import { postJson } from '../post-json.js';
import type { VerlopenAntwoord, VerlopenBron } from './types.js';

export const BEWAARTERMIJN_PATH = '/bewaartermijn';

/** At most this many ids per question. */
export const MAX_KANDIDATEN = 1000;

const MAG_VRAGEN: readonly Partij[] = ['GEMEENTE', 'REGISSEUR', 'CORPORATIE', 'GARANTIEFONDS'];

/**
 * The regisseur's answer at its own `now`, for the ids among `kandidaten` whose rows the caller's
 * subgraph may hold (`houdtRijenVan`); any other id is left out, exactly like an unknown one.
 */
export type Bewaartermijn = (caller: Caller, kandidaten: readonly string[], now: Date) => Promise<VerlopenAntwoord>;

export function bewaartermijnRoute(
  bewaartermijn: Bewaartermijn,
  verify: (req: IncomingMessage) => Promise<Caller>,
  now: () => number,
): Route {
  return async (req, body) => {
    let caller: Caller;
    try {
      caller = await verify(req);
    } catch {
      return { status: 401, json: { fout: { code: ErrorCode.UNAUTHENTICATED, message: 'Geen geldig token.' } } };
    }
    if (!MAG_VRAGEN.includes(caller.partij)) {
      return { status: 403, json: { fout: { code: ErrorCode.NIET_BEVOEGD, message: 'Alleen partijen met een eigen subgraph vragen naar bewaartermijnen.' } } };
    }
    const ids = (body as { trajectIds?: unknown } | undefined)?.trajectIds;
    if (!Array.isArray(ids) || ids.length > MAX_KANDIDATEN || ids.some((i) => typeof i !== 'string' || i.length === 0 || i.length > 200)) {
      return { status: 400, json: { fout: { code: ErrorCode.ONGELDIGE_INVOER, message: `trajectIds: een lijst van hoogstens ${MAX_KANDIDATEN} ids.` } } };
    }
    const answer = await bewaartermijn(caller, ids as string[], new Date(now()));
    return { status: 200, json: { verlopen: answer.verlopen, lopend: answer.lopend } };
  };
}

export interface RemoteBewaartermijnOptions {
  /** The regisseur subgraph's base URL. */
  readonly url: string;
  /** The organisation's own token, fresh per call (tokens expire). */
  readonly token: () => Promise<string>;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

/** Asks a remote regisseur; throws on anything but a well-formed answer, so nothing is deleted on doubt. */
export function remoteBewaartermijn({ url, token, timeoutMs = 10_000 }: RemoteBewaartermijnOptions): VerlopenBron {
  return async (kandidaten) => {
    if (kandidaten.length === 0) return { verlopen: [], lopend: [] };
    const { status, body } = await postJson(new URL(BEWAARTERMIJN_PATH, url), { trajectIds: kandidaten }, { authorization: `Bearer ${await token()}` }, timeoutMs);
    const json = body as { verlopen?: unknown; lopend?: unknown; fout?: { code?: string } } | null;
    if (status < 200 || status > 299 || !json) throw new Error(`bewaartermijn: HTTP ${status} ${json?.fout?.code ?? ''}`.trim());
    const asked = new Set(kandidaten);
    const ids = (v: unknown) => {
      if (!Array.isArray(v) || v.some((i) => typeof i !== 'string' || !asked.has(i))) throw new Error('bewaartermijn: onverwacht antwoord');
      return v as string[];
    };
    return { verlopen: ids(json.verlopen), lopend: ids(json.lopend) };
  };
}

/**
 * `/documenten`: the register of trusted documents over HTTP, each door with the caller's own token.
 *
 * - `POST /documenten` `{ "document": "<text>" }` — a partner registers an operation document for its
 *   own organisation and party (from the token, never from the body); the answer shows per operation
 *   what it can ever touch. A document that does not validate against the party's contract is refused.
 * - `GET /documenten` — a partner lists its own organisation's registrations; the privacy officer
 *   (TOEZICHT) lists all, narrowed by `?organisatie=` and `?status=`.
 * - `GET /documenten/<organisatie>/<id>` — one registration (a partner: its own organisation only).
 * - `POST /documenten/<organisatie>/<id>/goedkeuring` and `…/intrekking` — TOEZICHT approves or
 *   revokes one organisation's document; the token's `sub` is recorded as who decided.
 *
 * Another organisation's registration answers as one that does not exist. Events are logged with
 * who, which organisation and which id, never the text.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../../schema/context.js';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { isLimitError } from '../../schema/limits/operation-limits.js';
import { AuthenticationError, type VerifyToken } from '../../schema/identity/verify.js';
import type { Db } from '../../subgraphs/common/database.js';
import { DOCUMENT_STATUSSEN, type DocumentStatus, type VertrouwdDocument } from '../db/tables.js';
import type { DocumentCheck } from '../trusted-documents/check.js';
import { VRIJE_PARTIJEN } from '../trusted-documents/enforcement.js';
import { DOCUMENT_ID, document, keurGoed, lijst, registreer, trekIn } from '../trusted-documents/register.js';
import { readLimited } from './use-operation-limits.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

export const DOCUMENTEN_PATH = '/documenten';

export interface DocumentRegisterOptions {
  readonly db: Db;
  readonly verify: VerifyToken;
  readonly check: DocumentCheck;
  /** The largest body accepted (`MAX_BODY_BYTES`). */
  readonly maxBytes: number;
  readonly log?: GatewayLog;
}

/** What a partner sees of its registration; the privacy officer also sees who decided. */
function view(row: VertrouwdDocument, caller: Caller) {
  const { goedgekeurdDoor, ingetrokkenDoor, ...rest } = row;
  return caller.partij === 'TOEZICHT' ? row : rest;
}

class Weigering extends Error {
  constructor(
    readonly status: number,
    readonly code: Foutcode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const BESLISSINGEN = { goedkeuring: keurGoed, intrekking: trekIn } as const;

export function useDocumentRegister({ db, verify, check, maxBytes, log = NO_LOG }: DocumentRegisterOptions): GatewayPlugin {
  const toezicht = (caller: Caller) => {
    if (caller.partij !== 'TOEZICHT') throw new Weigering(403, 'NIET_BEVOEGD', 'Alleen de functionaris gegevensbescherming (TOEZICHT) beoordeelt documenten.');
  };
  const partner = (caller: Caller) => {
    if (VRIJE_PARTIJEN.has(caller.partij)) throw new Weigering(403, 'NIET_BEVOEGD', `Partij ${caller.partij} stuurt vrije operaties en registreert geen documenten.`);
  };
  const who = (c: Caller) => ({ partij: c.partij, organisatie: c.organisatie });

  async function handle(request: Request, url: URL, caller: Caller): Promise<[number, unknown]> {
    const onbekend = new Weigering(404, 'NIET_GEVONDEN', 'Dit document is voor deze organisatie niet geregistreerd.');
    let parts: string[];
    try {
      parts = url.pathname.split('/').map(decodeURIComponent);
    } catch {
      throw onbekend;
    }
    const [, , organisatie, id, beslissing, ...rest] = parts;
    if (organisatie === undefined && request.method === 'POST') {
      partner(caller);
      if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
        throw new Weigering(400, 'CSRF_GEWEIGERD', 'Stuur het document als JSON (`content-type: application/json`).');
      }
      let tekst: unknown;
      try {
        tekst = (JSON.parse((await readLimited(request, maxBytes)).toString('utf8')) as { document?: unknown })?.document;
      } catch (error) {
        if (isLimitError(error)) throw new Weigering(413, 'OPERATIE_TE_GROOT', error.message, { limiet: (error as GraphQLError).extensions['limiet'] });
        throw new Weigering(400, 'ONGELDIGE_JSON', 'De body is geen geldige JSON.');
      }
      if (typeof tekst !== 'string') throw new Weigering(400, 'ONGELDIGE_INVOER', 'Stuur `{ "document": "<de operatie als tekst>" }`.', { veld: 'document' });
      const beoordeling = check(tekst, caller.partij);
      if (!beoordeling.geldig) {
        log.info('document niet geregistreerd', { status: 400, code: 'DOCUMENT_ONGELDIG', ...who(caller) }, request);
        throw new Weigering(400, 'DOCUMENT_ONGELDIG', 'Het document past niet bij het contract van de partij.', { fouten: beoordeling.fouten });
      }
      const { document: row, nieuw } = await registreer(db, { organisatie: caller.organisatie, partij: caller.partij, tekst, operaties: beoordeling.operaties, door: caller.sub });
      log.info(nieuw ? 'document geregistreerd' : 'document al geregistreerd', { ...who(caller), documentId: row.id, status: row.status }, request);
      return [nieuw ? 201 : 200, view(row, caller)];
    }
    if (organisatie === undefined && request.method === 'GET') {
      if (caller.partij !== 'TOEZICHT') partner(caller);
      const status = url.searchParams.get('status') ?? undefined;
      if (status !== undefined && !(DOCUMENT_STATUSSEN as readonly string[]).includes(status)) {
        throw new Weigering(400, 'ONGELDIGE_INVOER', `status is een van ${DOCUMENT_STATUSSEN.join(', ')}.`, { veld: 'status' });
      }
      const filter = { organisatie: caller.partij === 'TOEZICHT' ? (url.searchParams.get('organisatie') ?? undefined) : caller.organisatie, status: status as DocumentStatus | undefined };
      return [200, { documenten: (await lijst(db, filter)).map((r) => view(r, caller)) }];
    }
    if (!organisatie || !id || !DOCUMENT_ID.test(id) || rest.length > 0) throw onbekend;
    if (beslissing === undefined && request.method === 'GET') {
      if (caller.partij !== 'TOEZICHT' && caller.organisatie !== organisatie) throw onbekend;
      const row = await document(db, organisatie, id);
      if (!row) throw onbekend;
      return [200, view(row, caller)];
    }
    if (request.method === 'POST' && beslissing && Object.hasOwn(BESLISSINGEN, beslissing)) {
      toezicht(caller);
      const row = await BESLISSINGEN[beslissing as keyof typeof BESLISSINGEN](db, { organisatie, id, door: caller.sub });
      if (!row) throw onbekend;
      log.info(`document ${beslissing}`, { documentOrganisatie: organisatie, documentId: id, door: who(caller), status: row.status }, request);
      return [200, view(row, caller)];
    }
    throw new Weigering(404, 'NIET_GEVONDEN', 'Onbekende route onder /documenten.');
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== DOCUMENTEN_PATH && !url.pathname.startsWith(`${DOCUMENTEN_PATH}/`)) return;
      const respond = (status: number, body: unknown) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } }));
      let caller: Caller;
      try {
        caller = await verify(request.headers.get('authorization'));
      } catch (error) {
        log.info('geweigerd', { status: 401, code: 'UNAUTHENTICATED', ...(error instanceof AuthenticationError ? { reden: error.reden } : {}) }, request);
        const extensions = { code: 'UNAUTHENTICATED', ...(error instanceof AuthenticationError ? { reden: error.reden } : {}) };
        return respond(401, { errors: [{ message: (error as Error).message, extensions }] });
      }
      try {
        const [status, body] = await handle(request, url, caller);
        respond(status, body);
      } catch (error) {
        if (!(error instanceof Weigering)) throw error;
        if (error.status !== 400 || error.code !== 'DOCUMENT_ONGELDIG') log.info('geweigerd', { status: error.status, code: error.code, ...who(caller) }, request);
        respond(error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.extra } }] });
      }
    },
  };
}

/**
 * Trusted documents at the gateway, with Hive Gateway's own persisted-documents support
 * (`persistedDocuments` with a custom `getPersistedOperation`): a partner sends the id of a document
 * its organisation registered and the privacy officer approved, and the gateway runs that text. With
 * `VERTROUWDE_DOCUMENTEN=verplicht` that is the only way a partner's operation runs: free text, an
 * unknown id, or one not (or no longer) approved for the caller's organisation is refused with
 * `DOCUMENT_NIET_GOEDGEKEURD` in the request's parameters, before anything is parsed, planned or
 * fetched. With `uit` (the default, `npm start`) free text runs and ids work as well, so a partner can
 * try its registered documents before production.
 *
 * Every refusal is logged with the caller and the id, never with the text (it may hold literals).
 */
import type { GatewayConfigBase, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { Partij } from '../../schema/vocabulary.js';
import type { Db } from '../../subgraphs/common/database.js';
import { callerOf } from '../plugins/use-authentication.js';
import { DOCUMENT_ID, document } from './register.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

export const VERTROUWDE_DOCUMENTEN_MODI = ['verplicht', 'uit'] as const;
export type VertrouwdeDocumentenModus = (typeof VERTROUWDE_DOCUMENTEN_MODI)[number];

/**
 * The parties that keep free queries when documents are required, and why:
 * - WERKGROEP: the dashboard composes its query from the steering group's choices (figures, period,
 *   breakdown), and the party can read aggregates only — the static layer and the regisseur's
 *   suppression refuse every case and every small cell whatever it sends;
 * - TOEZICHT: the privacy officer investigates ad hoc (which accesses, whose, when) and reads
 *   access-log metadata only, never a personal value; it is also who approves the documents.
 * Every other party reads personal data through its own system, and that system's operations are
 * what the privacy officer approves.
 */
export const VRIJE_PARTIJEN: ReadonlySet<Partij> = new Set<Partij>(['WERKGROEP', 'TOEZICHT']);

/** Why a document did not run (`extensions.reden`). */
export type DocumentReden = 'VRIJE_TEKST' | 'ONBEKEND' | 'NIET_GOEDGEKEURD' | 'INGETROKKEN';

const MELDING: Record<DocumentReden, string> = {
  VRIJE_TEKST: 'Deze gateway voert voor uw partij alleen goedgekeurde documenten uit: stuur het id van een geregistreerd en goedgekeurd document, niet de tekst.',
  ONBEKEND: 'Dit document-id is voor uw organisatie niet geregistreerd.',
  NIET_GOEDGEKEURD: 'Dit document is geregistreerd maar (nog) niet goedgekeurd door de functionaris gegevensbescherming.',
  INGETROKKEN: 'De goedkeuring van dit document is ingetrokken.',
};

type Params = { extensions?: Record<string, unknown> | undefined; documentId?: unknown };

/** The id a request names: Apollo's `extensions.persistedQuery.sha256Hash`, or Hive's `documentId` (body or URL). */
export function documentIdOf(params: Params, request: Request): string | null {
  const pq = params.extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (pq && typeof pq === 'object' && pq.version === 1 && typeof pq.sha256Hash === 'string') return pq.sha256Hash;
  if (typeof params.documentId === 'string') return params.documentId;
  return new URL(request.url).searchParams.get('documentId');
}

export interface TrustedDocumentsOptions {
  readonly modus: VertrouwdeDocumentenModus;
  /** The gateway's database, which holds the register. */
  readonly db: Db;
  /** Where refusals are recorded: which party and organisation, which id, why. */
  readonly log?: GatewayLog;
}

type PersistedDocumentsOption = NonNullable<GatewayConfigBase<Record<string, unknown>>['persistedDocuments']>;

/**
 * The runtime's `persistedDocuments` option. No cache: a revocation takes effect on the very next
 * request at every replica, for one primary-key read per request that names an id.
 */
export function trustedDocuments({ modus, db, log = NO_LOG }: TrustedDocumentsOptions): PersistedDocumentsOption {
  // Per request and id, why it did not run: the error factory is called without the lookup's result.
  const redenen = new WeakMap<Request, Map<string, DocumentReden>>();
  const noteer = (request: Request, id: string, reden: DocumentReden) => {
    let m = redenen.get(request);
    if (!m) redenen.set(request, (m = new Map()));
    m.set(id, reden);
    return null;
  };
  const weigering = (request: Request, reden: DocumentReden, id: string | null) => {
    const caller = callerOf(request);
    log.info(
      'document geweigerd',
      { status: 403, code: 'DOCUMENT_NIET_GOEDGEKEURD', reden, partij: caller?.partij ?? null, organisatie: caller?.organisatie ?? null, documentId: id && DOCUMENT_ID.test(id) ? id : null },
      request,
    );
    return new GraphQLError(MELDING[reden], {
      extensions: { code: 'DOCUMENT_NIET_GOEDGEKEURD', reden, ...(id && DOCUMENT_ID.test(id) ? { documentId: id } : {}), http: { status: 403 } },
    });
  };
  return {
    extractPersistedOperationId: (params, request) => documentIdOf(params as Params, request),
    async getPersistedOperation(id, request) {
      const caller = callerOf(request);
      if (!caller || !DOCUMENT_ID.test(id)) return noteer(request, id, 'ONBEKEND');
      const row = await document(db, caller.organisatie, id);
      // Another organisation's registration, or another party's, does not exist for this caller.
      if (!row || row.partij !== caller.partij) return noteer(request, id, 'ONBEKEND');
      if (row.status === 'APPROVED') return row.tekst;
      return noteer(request, id, row.status === 'REVOKED' ? 'INGETROKKEN' : 'NIET_GOEDGEKEURD');
    },
    allowArbitraryDocuments: (request) => {
      if (modus === 'uit') return true;
      const partij = callerOf(request)?.partij;
      return partij !== undefined && VRIJE_PARTIJEN.has(partij);
    },
    customErrors: {
      persistedQueryOnly: ({ request }) => weigering(request, 'VRIJE_TEKST', null),
      notFound: ({ request, params }) => {
        const id = documentIdOf(params as Params, request) ?? '';
        return weigering(request, redenen.get(request)?.get(id) ?? 'ONBEKEND', id);
      },
      // Neither a query nor an id: the answer Yoga gives without persisted documents.
      keyNotFound: () =>
        new GraphQLError('Must provide query string.', { extensions: { code: 'BAD_REQUEST', http: { status: 400, headers: { Allow: 'GET, POST' } } } }),
    },
  };
}

/**
 * Refuses a batch holding an item that is no object, as Yoga refuses such an item ("Expected params
 * to be an object"): Yoga's persisted-operations plugin reads `params.query` before Yoga checks that,
 * so a `null` in a batch would otherwise end in an internal error (found by the fuzz). A body that is
 * no object at all is refused earlier, by the operation limits' reader.
 */
export function useObjectParams(): GatewayPlugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          const items: unknown[] = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
          const bad = items.find((item) => item === null || typeof item !== 'object');
          if (bad === undefined) return;
          throw new GraphQLError(`Expected params to be an object but given ${bad === null ? 'null' : typeof bad}.`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400, headers: { Allow: 'GET, POST' } } },
          });
        },
      };
    },
  };
}

/**
 * Error codes of the public contract, in one place, and the factories that make them. A
 * `GraphQLError` is user-facing; anything else is a bug and gets masked as INTERNAL_SERVER_ERROR.
 * Every code is described in `error-catalogue.ts`: a code that is not there does not compile.
 */
import { GraphQLError, type ASTNode } from 'graphql';
import type { Decision } from './decide.js';
import type { Foutcode } from './error-catalogue.js';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  DOSERING_GEWEIGERD: 'DOSERING_GEWEIGERD',
  NIET_GEVONDEN: 'NIET_GEVONDEN',
  NIET_BEVOEGD: 'NIET_BEVOEGD',
  ONGELDIGE_INVOER: 'ONGELDIGE_INVOER',
  FASEOVERGANG_ONGELDIG: 'FASEOVERGANG_ONGELDIG',
  VOORWAARDE_ONTBREEKT: 'VOORWAARDE_ONTBREEKT',
  VERSIE_CONFLICT: 'VERSIE_CONFLICT',
  TOESTEMMING_ONGELDIG: 'TOESTEMMING_ONGELDIG',
  TOEGANGSLOG_ONBEREIKBAAR: 'TOEGANGSLOG_ONBEREIKBAAR',
  BELEIDSCONTEXT_ONBEREIKBAAR: 'BELEIDSCONTEXT_ONBEREIKBAAR',
  /** A browser request that could be cross-site forgery (no preflight-forcing header or content type). */
  CSRF_GEWEIGERD: 'CSRF_GEWEIGERD',
  /** An inzage or toezicht key whose signature does not match: altered, or made by someone else. */
  SLEUTEL_ONGELDIG: 'SLEUTEL_ONGELDIG',
} as const satisfies Record<string, Foutcode>;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    /** Only a catalogued code (`schema/error-catalogue.ts`); a code passed through from JSON is cast where it is read. */
    code?: Foutcode;
  }
}

const REDEN_TEKST = {
  PARTIJ: 'deze partij mag deze gegevenscategorie in geen enkele fase inzien',
  RELATIE: 'geen relatie met dit traject',
  FASE: 'niet toegestaan in de huidige fase van het traject',
  TOESTEMMING: 'hiervoor is een geldige, gerichte toestemming van de inwoner nodig',
  CONTEXT_ONBESCHIKBAAR: 'de beleidscontext kon niet worden geladen; uit voorzorg geweigerd',
} as const;

/**
 * Makes an error without a stack. For errors that are data, not faults: a refusal is expected
 * control flow, made by the dozen per answer (61 in the regisseur's 20-case view), and the gateway
 * rebuilds each one it receives several times over. A stack would say nothing about them, yet costs
 * a capture each, and a source-mapped formatting wherever the error is wrapped (graphql-js copies
 * `originalError.stack`). Synchronous, so no other code runs while the limit is lowered.
 */
export function zonderStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Where in the answer an error belongs: given at creation, graphql-js need not wrap it again. */
export interface ErrorLocation {
  readonly nodes: readonly ASTNode[];
  readonly path: readonly (string | number)[];
}

/** A refused field: says why (phase, consent, relation, party), never the value. */
export function doseringGeweigerd(decision: Extract<Decision, { allowed: false }>, coordinate: string, trajectId?: string, where?: ErrorLocation): GraphQLError {
  return zonderStack(() => new GraphQLError(`Dosering: ${coordinate} geweigerd — ${REDEN_TEKST[decision.reden]}.`, {
    ...where,
    extensions: {
      code: ErrorCode.DOSERING_GEWEIGERD,
      reden: decision.reden,
      partij: decision.partij,
      categorie: decision.categorie,
      veld: coordinate,
      // The opaque case id the caller asked for: a partner attributes a refusal without walking the
      // path (which gateways on the graphql-tools planner misplace in batched entity fetches,
      // graphql-tools#2950).
      ...(trajectId ? { trajectId } : {}),
      ...(decision.fase ? { fase: decision.fase } : {}),
      ...(decision.relatie ? { relatie: decision.relatie } : {}),
    },
  }));
}

/**
 * Why a token was refused. The contract (DESIGN §6) keeps the code `UNAUTHENTICATED` for every bad
 * token; `reden` says which rule of the NL GOV OAuth profile it broke, as `DOSERING_GEWEIGERD` does.
 */
export const TokenReden = {
  GEEN_TOKEN: 'GEEN_TOKEN',
  TOKEN_ONGELDIG: 'TOKEN_ONGELDIG',
  TOKEN_ONVOLLEDIG: 'TOKEN_ONVOLLEDIG',
  TOKEN_VERLOPEN: 'TOKEN_VERLOPEN',
  TOKEN_NOG_NIET_GELDIG: 'TOKEN_NOG_NIET_GELDIG',
  TOKEN_UIT_DE_TOEKOMST: 'TOKEN_UIT_DE_TOEKOMST',
  TOKEN_TE_LANG_GELDIG: 'TOKEN_TE_LANG_GELDIG',
  TOKEN_HERGEBRUIKT: 'TOKEN_HERGEBRUIKT',
  CLAIMS_ONVOLLEDIG: 'CLAIMS_ONVOLLEDIG',
} as const;
export type TokenReden = (typeof TokenReden)[keyof typeof TokenReden];

export function unauthenticated(message = 'Geen geldig token.', reden?: TokenReden): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, ...(reden ? { reden } : {}), http: { status: 401 } } });
}

/** A domain refusal: a specific code, a Dutch message, optional details (never personal values). */
/**
 * A refusal with its code. `cause`, when a fault (not the caller) led to it, goes with it as its
 * `originalError`: never to the partner, but into the operator's log line (`request-plugin.ts`).
 */
export function weigering(code: Foutcode, message: string, details: Record<string, unknown> = {}, cause?: Error): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details }, ...(cause ? { originalError: cause } : {}) });
}

/**
 * graphql-js suggests similar names ("Did you mean \"bsn\"?"), which would name the very fields a
 * party's contract hides. Every message goes out without them, at the gateway and at every subgraph.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean .*\?$/s, '');
}

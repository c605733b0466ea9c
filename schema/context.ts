/**
 * The two inputs of every dosing decision besides the field itself: who calls (the verified claims)
 * and the policy context of the case (phase, relations, consents), loaded once per request.
 */
import type { Doel, Fase, Gegevenscategorie, Partij, Regio } from './vocabulary.js';

/** The verified identity of a caller, from the JWT claims of DESIGN §2. */
export interface Caller {
  readonly sub: string;
  readonly partij: Partij;
  readonly organisatie: string;
  readonly rol?: string | undefined;
  readonly gemeente?: string | undefined;
  readonly regio?: Regio | undefined;
  /** The authorised party (NL GOV: the client the token was issued to); recorded in the audit row. */
  readonly azp?: string | undefined;
  /** The authentication context class (level of assurance); recorded in the audit row. */
  readonly acr?: string | undefined;
}

/** Who a consent or an override is given to. No organisation means every organisation of that party. */
export interface Ontvanger {
  readonly partij: Partij;
  readonly organisatie?: string | null | undefined;
}

/** A consent as the policy sees it: the register's current state of one record (DESIGN §3). */
export interface ToestemmingScope {
  readonly id: string;
  readonly ontvanger: Ontvanger;
  readonly categorieen: readonly Gegevenscategorie[];
  readonly doel: Doel;
  readonly richting: 'VERKRIJGEN' | 'VERSTREKKEN';
  readonly gegevenOp: string;
  readonly geldigTot: string;
  /** Withdrawn, or overlapped by an objection (the objection wins). */
  readonly ingetrokkenOp?: string | null | undefined;
}

/** A recorded conflict van plichten: specific fields to a specific recipient, limited in time. */
export interface DoorbrekingScope {
  readonly id: string;
  readonly ontvanger: Ontvanger;
  /** Field coordinates, e.g. `Onderzoek.gezondheid`. */
  readonly velden: readonly string[];
  readonly vanaf: string;
  readonly tot: string;
}

/** The lease as the routeplanner records it: the deposit, and how and when it ended (null while it runs). */
export interface HuurFeiten {
  readonly borgCent: number | null;
  readonly beeindiging: 'POSITIEF' | 'ONTRUIMD' | 'VERTROKKEN' | null;
  /** The date the corporation ended the lease (`YYYY-MM-DD`); null while it runs, or for an end recorded before this was. */
  readonly einddatum?: string | null | undefined;
}

/**
 * The policy context of one case. Owned by the regisseur subgraph (the routeplanner); the other
 * subgraphs receive it per request, projected for the caller, and never store it.
 */
export interface CaseContext {
  readonly trajectId: string;
  readonly fase: Fase;
  readonly gemeente: string;
  readonly regio: Regio;
  /** The pseudonymous reference of the resident (data subject); also the resident's login subject. */
  readonly betrokkene: string;
  readonly geselecteerd: readonly string[];
  readonly gematcht?: string | null | undefined;
  readonly melder?: string | null | undefined;
  readonly gekoppeldeZorgaanbieder?: string | null | undefined;
  /** The outcome of a closed case (the guarantee fund checks for a negative end). */
  readonly uitkomst?: string | null | undefined;
  /** The case's pseudonymous code (the guarantee fund matches a claim's code to its case). */
  readonly code?: string | undefined;
  /** The case's version (optimistic concurrency): an act sent with another one lost a race. */
  readonly versie?: number | undefined;
  /** What the routeplanner knows of the lease, for the parties that may know the lease. */
  readonly huur?: HuurFeiten | null | undefined;
  readonly toestemmingen: readonly ToestemmingScope[];
  readonly doorbrekingen: readonly DoorbrekingScope[];
}

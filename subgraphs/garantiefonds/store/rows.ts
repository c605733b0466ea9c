/**
 * Translates between the fund's rows and the domain's plain data, so the rules in `domain/` run on
 * exactly what the database holds and nothing is re-implemented beside them.
 */
import type {
  Aanvraag,
  AanvraagFormulier,
  AanvraagStatus,
  Deelnemer,
  DeelnemerSoort,
  FondsErrorCode,
  LedgerEntry,
  MutatieSoort,
} from '../domain/index.js';
import type { AanvraagRow, DeelnemerRow, GrootboekRow } from '../db/tables.js';

/** The form as stored: the domain's form plus the one statement only the system asks for. */
export interface OpgeslagenFormulier extends AanvraagFormulier {
  readonly reguliereBemiddelingDoorlopen: boolean;
}

/**
 * A timestamp as ISO 8601 in UTC. PostgreSQL and PGlite return `timestamptz` strings in their own
 * text form ("2025-01-01 10:00:00+00"); the API and the domain speak ISO.
 */
export function iso(value: string): string;
export function iso(value: string | null | undefined): string | null;
export function iso(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value.includes('T') ? value : value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Parses a party key ("GEMEENTE:venlo") back into the domain's party. */
export function partyOfKey(key: string | null | undefined): Deelnemer | undefined {
  if (!key) return undefined;
  const at = key.indexOf(':');
  if (at <= 0) return undefined;
  return { kind: key.slice(0, at) as DeelnemerSoort, slug: key.slice(at + 1) };
}

export function partyOfRow(row: DeelnemerRow): Deelnemer {
  return { kind: row.soort as DeelnemerSoort, slug: row.slug };
}

export function ledgerEntryOf(row: GrootboekRow): LedgerEntry {
  const party = partyOfKey(row.deelnemer);
  return {
    id: row.id,
    kind: row.soort as MutatieSoort,
    cents: row.bedragCent,
    ...(party ? { party } : {}),
    ...(row.aanvraagId ? { claimId: row.aanvraagId } : {}),
    at: iso(row.op),
  };
}

export function formulierOf(row: AanvraagRow): OpgeslagenFormulier {
  return row.formulier as OpgeslagenFormulier;
}

/** A claim row as the domain's claim, with its decision when one was taken. */
export function aanvraagOf(row: AanvraagRow): Aanvraag {
  const formulier = formulierOf(row);
  const status = row.status as AanvraagStatus;
  const decided = row.besluitOp !== null && (status === 'GOEDGEKEURD' || status === 'AFGEWEZEN' || status === 'UITBETAALD');
  return {
    id: row.id,
    formulier,
    bedragCents: row.bedragCent,
    status,
    bevindingen: row.bevindingen as FondsErrorCode[],
    ingediendOp: iso(row.ingediendOp),
    ...(decided
      ? {
          besluit: {
            uitkomst: status === 'AFGEWEZEN' ? 'AFGEWEZEN' : 'GOEDGEKEURD',
            motivering: row.motivering ?? '',
            partijenGeraadpleegd: true,
            overlegInstemming: row.overlegInstemming,
            uitzondering: row.uitzondering,
            at: iso(row.besluitOp!),
          },
        }
      : {}),
    ...(row.uitbetaaldOp ? { uitbetaaldOp: iso(row.uitbetaaldOp) } : {}),
  };
}

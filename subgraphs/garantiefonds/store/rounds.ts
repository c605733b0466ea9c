/**
 * Parties and contribution rounds in the database. The distribution key is the parties' stored
 * weights, read at the moment a round is called: a party that joins or a weight that changes
 * affects every round from then on and never one already asked (art. 9c, Bijlage 3 §1).
 */
import { desc, isNull } from 'drizzle-orm';
import {
  STANDAARD_BIJDRAGE_CONFIG,
  contributionRound,
  partyKey,
  type Bijdrage,
  type BijdrageConfig,
} from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { bijdrageronden, bijdragen, deelnemers, type BijdrageRow, type DeelnemerRow } from '../db/tables.js';
import { fondsWeigering } from './refusal.js';
import { partyOfRow } from './rows.js';

export type RondeSoort = 'INLEG' | 'AANVULLING' | 'TOETREDING';

/** The parties taking part now (joined and not left), in a stable order. */
export async function actieveDeelnemers(db: Db): Promise<DeelnemerRow[]> {
  const rows = await db.select().from(deelnemers).where(isNull(deelnemers.uitgetredenOp));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The agreement's amounts with the key of the given parties' stored weights. */
export function configVan(parties: readonly DeelnemerRow[]): BijdrageConfig {
  const key = (soort: string) => Object.fromEntries(parties.filter((p) => p.soort === soort).map((p) => [p.slug, p.gewicht]));
  return {
    ...STANDAARD_BIJDRAGE_CONFIG,
    gemeenteVerdeelsleutel: key('GEMEENTE'),
    corporatieVerdeelsleutel: key('CORPORATIE'),
  };
}

/** A full round over `parties` at their current key (art. 7.3–7.5); refusals become GraphQL errors. */
export function berekenRonde(parties: readonly DeelnemerRow[]): readonly Bijdrage[] {
  const round = contributionRound(parties.map(partyOfRow), configVan(parties));
  if (!round.ok) throw fondsWeigering(round);
  return round.value;
}

/** The id of a party's contribution in a round: deterministic, so a seed or a retry cannot ask twice. */
export function bijdrageId(ronde: number, bijdrage: Bijdrage): string {
  return `R${ronde}:${partyKey(bijdrage)}`;
}

/**
 * Calls a round: records why, and asks each given contribution (0-cent parts are not asked). Must
 * run under the fund's lock, which makes the next round number safe to take.
 */
export async function vraagRondeUit(
  tx: Db,
  soort: RondeSoort,
  aanleiding: string,
  contributions: readonly Bijdrage[],
  at: string,
): Promise<{ ronde: number; bijdragen: BijdrageRow[] }> {
  const [last] = await tx.select({ ronde: bijdrageronden.ronde }).from(bijdrageronden).orderBy(desc(bijdrageronden.ronde)).limit(1);
  const ronde = (last?.ronde ?? 0) + 1;
  await tx.insert(bijdrageronden).values({ ronde, soort, gevraagdOp: at, aanleiding });
  const asked = contributions.filter((c) => c.cents > 0);
  const rows =
    asked.length === 0
      ? []
      : await tx
          .insert(bijdragen)
          .values(asked.map((c) => ({ id: bijdrageId(ronde, c), ronde, deelnemer: partyKey(c), bedragCent: c.cents, gevraagdOp: at })))
          .returning();
  return { ronde, bijdragen: rows };
}

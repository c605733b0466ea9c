/**
 * The fund's figures, computed from the ledger and the contributions every time: the balance is
 * the sum of the entries, never a stored number that could drift from them.
 */
import { sql } from 'drizzle-orm';
import { AANVULGRENS_CENTS, needsReplenishment } from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { aanvragen, bijdragen, grootboek } from '../db/tables.js';

export interface FondsCijfers {
  readonly saldoCent: number;
  readonly bijdragenOpenstaandCent: number;
  readonly aantalAanvragen: number;
  readonly uitbetaaldCent: number;
  readonly onderAanvulgrens: boolean;
  readonly aanvulgrensCent: number;
  readonly opgeheven: boolean;
}

export async function fondsCijfers(db: Db): Promise<FondsCijfers> {
  const [ledger] = await db
    .select({
      saldo: sql<string>`coalesce(sum(${grootboek.bedragCent}), 0)`,
      uitbetaald: sql<string>`coalesce(-sum(${grootboek.bedragCent}) filter (where ${grootboek.soort} = 'UITBETALING'), 0)`,
      opheffingen: sql<string>`count(*) filter (where ${grootboek.soort} = 'RESTITUTIE_BIJ_OPHEFFING')`,
    })
    .from(grootboek);
  const [open] = await db
    .select({ v: sql<string>`coalesce(sum(${bijdragen.bedragCent}) filter (where ${bijdragen.betaaldOp} is null and ${bijdragen.vervallenOp} is null), 0)` })
    .from(bijdragen);
  const [claims] = await db.select({ n: sql<string>`count(*)` }).from(aanvragen);
  const saldoCent = Number(ledger!.saldo);
  return {
    saldoCent,
    bijdragenOpenstaandCent: Number(open!.v),
    aantalAanvragen: Number(claims!.n),
    uitbetaaldCent: Number(ledger!.uitbetaald),
    onderAanvulgrens: needsReplenishment(saldoCent),
    aanvulgrensCent: AANVULGRENS_CENTS,
    opgeheven: Number(ledger!.opheffingen) > 0,
  };
}

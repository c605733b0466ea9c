/**
 * Sharing without consent, for the yearly account of seed 004: how many recorded decisions to share
 * without consent (conflict van plichten, table `doorbrekingen`) and how many objections (events
 * `BEZWAAR` in the consent register) fall in the range — in the regio of the case's gemeente, or both.
 *
 * Why these two numbers are not suppressed: they count decisions and objections, not people, carry
 * no breakdown (no gemeente, partner or phase), and the seed requires them to be reported. A count of
 * one says that one decision was taken in a regio in a period, nothing about whom it concerned.
 */
import { eq } from 'drizzle-orm';
import type { ZonderToestemmingcijfers } from '../../../schema/monitoring/dashboard-view.js';
import { inBereik } from '../../../schema/monitoring/periods.js';
import type { MonitoringVerzoek } from '../../../schema/monitoring/verzoek.js';
import { regioVanGemeente } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { doorbrekingen, toestemmingen, toestemmingGebeurtenissen, trajecten } from '../db/tables.js';
import { kalenderdatum } from './kalender.js';

/** The soort of a consent event that records an objection (see `toestemming/register.ts`). */
export const BEZWAAR = 'BEZWAAR';

/** Counts both from the regisseur's own register. */
export async function telZonderToestemming(db: Db, verzoek: MonitoringVerzoek): Promise<ZonderToestemmingcijfers> {
  const [besluiten, bezwaren] = await Promise.all([
    db
      .select({ op: doorbrekingen.vanaf, gemeente: trajecten.gemeente, regio: trajecten.regio })
      .from(doorbrekingen)
      .innerJoin(trajecten, eq(trajecten.id, doorbrekingen.trajectId)),
    db
      .select({ op: toestemmingGebeurtenissen.op, gemeente: trajecten.gemeente, regio: trajecten.regio })
      .from(toestemmingGebeurtenissen)
      .innerJoin(toestemmingen, eq(toestemmingen.id, toestemmingGebeurtenissen.toestemmingId))
      .innerJoin(trajecten, eq(trajecten.id, toestemmingen.trajectId))
      .where(eq(toestemmingGebeurtenissen.soort, BEZWAAR)),
  ]);
  const telt = (r: { op: string; gemeente: string; regio: string }): boolean =>
    inBereik(kalenderdatum(r.op), verzoek.van, verzoek.tot) &&
    (verzoek.regio === null || (regioVanGemeente(r.gemeente) ?? r.regio) === verzoek.regio);
  return { gedeeld: besluiten.filter(telt).length, bezwaren: bezwaren.filter(telt).length };
}

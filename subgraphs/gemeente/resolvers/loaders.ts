/** Per-request batch loaders of the gemeente subgraph: one query per table per request. */
import { inArray } from 'drizzle-orm';
import { perRequest, rowPerTraject, rowsPerTraject } from '../../common/loaders.js';
import { documenten, inwoners, meldingen, onderzoeken, ondersteuningsplannen } from '../db/tables.js';

export const loaders = perRequest(({ db }) => ({
  inwoner: rowPerTraject((ids) => db.select().from(inwoners).where(inArray(inwoners.trajectId, ids))),
  onderzoek: rowPerTraject((ids) => db.select().from(onderzoeken).where(inArray(onderzoeken.trajectId, ids))),
  melding: rowPerTraject((ids) => db.select().from(meldingen).where(inArray(meldingen.trajectId, ids))),
  plan: rowPerTraject((ids) => db.select().from(ondersteuningsplannen).where(inArray(ondersteuningsplannen.trajectId, ids))),
  documenten: rowsPerTraject((ids) => db.select().from(documenten).where(inArray(documenten.trajectId, ids))),
}));

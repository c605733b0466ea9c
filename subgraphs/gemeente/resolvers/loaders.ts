/** Per-request batch loaders of the gemeente subgraph: one query per table per request. */
import { inArray } from 'drizzle-orm';
import { perRequest, rowPerTraject, rowsPerTraject } from '../../common/loaders.js';
import { documenten, inwoners, meldingen, onderzoeken, ondersteuningsplannen } from '../db/tables.js';
import { anyOf } from '../../common/any-of.js';

export const loaders = perRequest(({ db }) => ({
  inwoner: rowPerTraject((ids) => db.select().from(inwoners).where(anyOf(inwoners.trajectId, ids))),
  onderzoek: rowPerTraject((ids) => db.select().from(onderzoeken).where(anyOf(onderzoeken.trajectId, ids))),
  melding: rowPerTraject((ids) => db.select().from(meldingen).where(anyOf(meldingen.trajectId, ids))),
  plan: rowPerTraject((ids) => db.select().from(ondersteuningsplannen).where(anyOf(ondersteuningsplannen.trajectId, ids))),
  documenten: rowsPerTraject((ids) => db.select().from(documenten).where(anyOf(documenten.trajectId, ids))),
}));

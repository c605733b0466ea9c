/** Per-request batch loaders of the regisseur subgraph: one query per table per request. */
import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import { firstBy, perRequest, rowPerTraject, rowsPerTraject } from '../../common/loaders.js';
import { profielen, selecties, toestemmingen, transities, trajecten } from '../db/tables.js';
import { anyOf } from '../../common/any-of.js';

export const loaders = perRequest(({ db }) => ({
  traject: new DataLoader(async (ids: readonly string[]) => {
    const rows = firstBy(await db.select().from(trajecten).where(anyOf(trajecten.id, [...ids])), (r) => r.id);
    return ids.map((id) => rows.get(id) ?? null);
  }),
  // In the order they happened: the case's history as the gemeente reads it.
  transities: rowsPerTraject((ids) => db.select().from(transities).where(anyOf(transities.trajectId, ids)).orderBy(asc(transities.op))),
  profiel: rowPerTraject((ids) => db.select().from(profielen).where(anyOf(profielen.trajectId, ids))),
  // In the order of selection (ties by name): PostgreSQL returns rows of an unordered query in any order.
  selecties: rowsPerTraject((ids) => db.select().from(selecties).where(anyOf(selecties.trajectId, ids)).orderBy(selecties.geselecteerdOp, selecties.corporatie)),
  toestemmingen: rowsPerTraject((ids) => db.select().from(toestemmingen).where(anyOf(toestemmingen.trajectId, ids))),
}));

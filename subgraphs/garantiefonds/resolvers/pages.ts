/**
 * The fund's lists as Relay connections (`common/paging/`): the claims, in the order and under the
 * visibility of `garantieaanvragen`, and the cashier's ledger and contributions in their lists' order. The fund's other
 * lists stay plain lists because they are bounded by nature (see README, "Paging").
 */
import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { connection, paginaVraag, vulPagina, type ConnectionArgs } from '../../common/paging/connection.js';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, bijdragen, grootboek, type AanvraagRow } from '../db/tables.js';
import { eisDetails } from './roles.js';
import { aanvraagView, bijdrageView, regelView } from './views.js';
import { zichtbareAanvragen } from './visibility.js';

type Args<T> = (parent: unknown, args: T, ctx: SubgraphContext) => unknown;

const AANVRAGEN_LIJST = 'garantieaanvragen';
const GROOTBOEK_LIJST = 'grootboek';
const BIJDRAGEN_LIJST = 'bijdragen';

type AanvraagPositie = Pick<AanvraagRow, 'ingediendOp' | 'id'>;

/** The claims after `p`, oldest first (ties by id). */
function aanvragenNa(p: AanvraagPositie): SQL | undefined {
  return or(gt(aanvragen.ingediendOp, p.ingediendOp), and(eq(aanvragen.ingediendOp, p.ingediendOp), gt(aanvragen.id, p.id)));
}

/** `Query.garantieaanvragenPagina`: the claims the caller may see, under the rules of `garantieaanvragen`. */
export const garantieaanvragenPagina = (async (_, a, ctx) => {
  const vraag = paginaVraag(ctx.cursors, AANVRAGEN_LIJST, 2, a);
  const start = vraag.na ? { ingediendOp: String(vraag.na[0]), id: String(vraag.na[1]) } : null;
  const rows = await vulPagina(
    start,
    vraag.first + 1,
    (na, limit) =>
      ctx.db
        .select()
        .from(aanvragen)
        .where(and(a.status ? eq(aanvragen.status, a.status) : undefined, na ? aanvragenNa(na) : undefined))
        .orderBy(asc(aanvragen.ingediendOp), asc(aanvragen.id))
        .limit(limit),
    (batch) => zichtbareAanvragen(ctx, batch),
  );
  return connection(rows, vraag.first, {
    cursors: ctx.cursors,
    lijst: AANVRAGEN_LIJST,
    positie: (r) => [r.ingediendOp, r.id],
    node: aanvraagView,
    trajectId: (r) => r.trajectId,
  });
}) as Args<{ status?: string | null } & ConnectionArgs>;

/** `Fonds.grootboekPagina`: the ledger for the cashier and the Voorzitter, each entry with its running balance. */
export const grootboekPagina = (async (_, a, ctx) => {
  eisDetails(ctx);
  const vraag = paginaVraag(ctx.cursors, GROOTBOEK_LIJST, 1, a);
  const na = vraag.na ? Number(vraag.na[0]) : null;
  const rows = await ctx.db
    .select()
    .from(grootboek)
    .where(na === null ? undefined : gt(grootboek.volgnummer, na))
    .orderBy(asc(grootboek.volgnummer))
    .limit(vraag.first + 1);
  // The running balance continues from the sum of every entry before the page.
  const [voor] = await ctx.db
    .select({ v: sql<string>`coalesce(sum(${grootboek.bedragCent}), 0)` })
    .from(grootboek)
    .where(lte(grootboek.volgnummer, na ?? 0));
  let saldo = Number(voor!.v);
  const regels = rows.map((row) => ({ row, view: regelView(row, (saldo += row.bedragCent)) }));
  return connection(regels, vraag.first, {
    cursors: ctx.cursors,
    lijst: GROOTBOEK_LIJST,
    positie: (r) => [r.row.volgnummer],
    node: (r) => r.view,
  });
}) as Args<ConnectionArgs>;

/** `Fonds.bijdragenPagina`: the contributions for the cashier and the Voorzitter, by round and party as `bijdragen` lists them. */
export const bijdragenPagina = (async (_, a, ctx) => {
  eisDetails(ctx);
  const vraag = paginaVraag(ctx.cursors, BIJDRAGEN_LIJST, 2, a);
  const na = vraag.na ? { ronde: Number(vraag.na[0]), deelnemer: String(vraag.na[1]) } : null;
  // OPENSTAAND is neither paid nor void (`bijdrageView`).
  const open = and(isNull(bijdragen.betaaldOp), isNull(bijdragen.vervallenOp));
  const status = a.openstaand === true ? open : a.openstaand === false ? or(isNotNull(bijdragen.betaaldOp), isNotNull(bijdragen.vervallenOp)) : undefined;
  const rows = await ctx.db
    .select()
    .from(bijdragen)
    .where(and(status, na ? or(gt(bijdragen.ronde, na.ronde), and(eq(bijdragen.ronde, na.ronde), gt(bijdragen.deelnemer, na.deelnemer))) : undefined))
    .orderBy(asc(bijdragen.ronde), asc(bijdragen.deelnemer))
    .limit(vraag.first + 1);
  return connection(rows, vraag.first, {
    cursors: ctx.cursors,
    lijst: BIJDRAGEN_LIJST,
    positie: (r) => [r.ronde, r.deelnemer],
    node: bijdrageView,
  });
}) as Args<{ openstaand?: boolean | null } & ConnectionArgs>;

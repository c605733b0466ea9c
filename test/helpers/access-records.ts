/**
 * "Every answer with personal data has its access records", checked by trace id (issue 14): each
 * case in an answer (the regisseur's `Traject.code`) has an allowed record in the regisseur's log,
 * and each resident's name (the gemeente's `Inwoner.naam`) one in the gemeente's log, for that trace
 * id and case. Records are written before the answer leaves, so they are present once it arrived.
 *
 * Shared by `test/integration/faults-postgres.test.ts` (a PostgreSQL restart under load) and
 * `npm run soak` (`scripts/soak.ts`, on PostgreSQL or on the subgraphs' PGlite folders afterwards).
 */

/** What an answer showed: its trace id, the cases with a code and the cases with a resident's name. */
export interface AnswerWithPersonalData {
  readonly traceId: string;
  readonly cases: readonly string[];
  readonly named: readonly string[];
}

/** Runs one SQL statement with `$1` parameters on one subgraph's database; the rows as objects. */
export type RunSql = (text: string, params: unknown[]) => Promise<readonly Record<string, unknown>[]>;

/** `<trace id> <case id>` of every allowed record of `veld` in `<schema>.verwerkingen`. */
export async function loggedKeys(run: RunSql, schema: 'regisseur' | 'gemeente', veld: string): Promise<Set<string>> {
  const rows = await run(
    `select distinct trace_id || ' ' || traject_id as k from ${schema}.verwerkingen where toegestaan and $1 = any(velden)`,
    [veld],
  );
  return new Set(rows.map((r) => String(r['k'])));
}

/**
 * The cases and names in `answers` without their record, as `<log> <trace id> <case id>`; empty when
 * every answer with personal data is accounted for. `regisseur` and `gemeente` run SQL on the
 * regisseur's and the gemeente's database (the same one when they share a server).
 */
export async function answersWithoutRecords(
  logs: { readonly regisseur: RunSql; readonly gemeente: RunSql },
  answers: readonly AnswerWithPersonalData[],
): Promise<string[]> {
  const regisseur = await loggedKeys(logs.regisseur, 'regisseur', 'Traject.code');
  const gemeente = await loggedKeys(logs.gemeente, 'gemeente', 'Inwoner.naam');
  return answers.flatMap((a) => [
    ...a.cases.filter((id) => !regisseur.has(`${a.traceId} ${id}`)).map((id) => `regisseur ${a.traceId} ${id}`),
    ...a.named.filter((id) => !gemeente.has(`${a.traceId} ${id}`)).map((id) => `gemeente ${a.traceId} ${id}`),
  ]);
}

/** A `RunSql` over a postgres.js client. */
export const postgresRunSql =
  (sql: { unsafe: (text: string, params: never[]) => PromiseLike<readonly Record<string, unknown>[]> }): RunSql =>
  async (text, params) =>
    sql.unsafe(text, params as never[]);

/** A `RunSql` over a PGlite database. */
export const pgliteRunSql =
  (pg: { query: <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }> }): RunSql =>
  async (text, params) =>
    (await pg.query<Record<string, unknown>>(text, params)).rows;

/**
 * The scale loader (issue 13, item 5): the demo plan at 10k, 100k or 1M cases, written slice by
 * slice into the four subgraphs' own tables, with proportionate access records written through each
 * log's own writer, so the chains verify (`npm run verify-log`) exactly as after real traffic.
 *
 * What it writes per case is what the demo's first start writes (`scripts/demo-data`); the plan keeps
 * its proportions at any size (phases, outcomes, selections, consents). Two things do not scale with
 * it, on purpose:
 * - the guarantee fund's claims are seeded for the first slice's negative lease ends only: a claim
 *   goes through the fund's own operations (ledger, rounds, payouts), and hundreds of thousands of
 *   payouts would only measure the seed. The fund's reads are by case id, indexed;
 * - BSNs recur beyond about 80,000 cases: the test range holds fewer numbers than a million cases.
 */
import { randomBytes } from 'node:crypto';
import type { Caller } from '../../schema/context.js';
import type { Decision, FieldDeclaration } from '../../schema/decide.js';
import type { Fase, Regio } from '../../schema/vocabulary.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import type { AccessLogWriter } from '../../subgraphs/common/access-log.js';
import type { Db } from '../../subgraphs/common/database.js';
import { createLogboekWriter } from '../../subgraphs/common/logboek/writer.js';
import { insertRows } from '../../subgraphs/common/seed.js';
import { corporatieSeedStappen } from '../../subgraphs/corporatie/seed.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { gemeenteSeedStappen } from '../../subgraphs/gemeente/seed.js';
import { regisseurHeeftGegevens, regisseurSeedStappen } from '../../subgraphs/regisseur/seed.js';
import { maakDemoPlanInDelen, type DemoDatabases, type DemoTrajectSamenvatting } from '../demo-data/index.js';

export interface ScaleOptions {
  /** Cases in all. */
  readonly aantal: number;
  /** Rows in the gemeente's and in the regisseur's access log per case (one per earlier view). @default 5 */
  readonly recordsPerCase?: number;
  /** Cases per slice: one transaction per subgraph per slice. @default 2000 */
  readonly deel?: number;
  readonly now?: Date;
  readonly log?: (line: string) => void;
}

export interface ScaleResult {
  readonly cases: number;
  /** Rows written per `<subgraph>.<table>`, access logs excluded. */
  readonly rows: Readonly<Record<string, number>>;
  /** Access log rows written (both logs). */
  readonly records: number;
  readonly seconds: number;
}

/** Cases per access-log request: the size of a list view. */
const CASES_PER_VIEW = 50;
/** The fund's claims come from this many of the first slice's negative ends (see the header). */
const FUND_CLAIMS = 40;

const GEMEENTE_VIEW: FieldDeclaration = { coordinate: 'Inwoner.naam', categorie: 'IDENTITEIT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' };
const REGISSEUR_VIEW: FieldDeclaration = { coordinate: 'Traject.bemiddelingsprofiel', categorie: 'PROFIEL', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'MATCH_BEMIDDELING' };

/**
 * The regisseur knows a case from its hand-over on: not the ones closed or still open before it.
 * Withdrawn cases are left out whole: the summary does not say whether they reached the hand-over,
 * and a record of an access the regisseur could not have made would be false.
 */
const regisseurKent = (t: DemoTrajectSamenvatting) =>
  t.fase !== 'MELDING' && t.fase !== 'ONDERZOEK' && !(t.uitkomst ?? '').startsWith('NIET_DOELGROEP') && t.uitkomst !== 'TERUGGETROKKEN';

interface View {
  readonly caller: Caller;
  readonly cases: readonly DemoTrajectSamenvatting[];
}

function views(cases: readonly DemoTrajectSamenvatting[], callerOf: (t: DemoTrajectSamenvatting) => Caller): View[] {
  const byCaller = new Map<string, { caller: Caller; cases: DemoTrajectSamenvatting[] }>();
  for (const t of cases) {
    const caller = callerOf(t);
    const entry = byCaller.get(caller.organisatie) ?? { caller, cases: [] };
    entry.cases.push(t);
    byCaller.set(caller.organisatie, entry);
  }
  return [...byCaller.values()].flatMap(({ caller, cases: all }) =>
    Array.from({ length: Math.ceil(all.length / CASES_PER_VIEW) }, (_, i) => ({ caller, cases: all.slice(i * CASES_PER_VIEW, (i + 1) * CASES_PER_VIEW) })),
  );
}

/** Writes `rounds` views of every case through the log's writer: one row per case per view. */
async function writeViews(writer: AccessLogWriter, subgraph: string, field: FieldDeclaration, relatie: 'EIGEN_GEMEENTE' | 'REGIO', list: readonly View[], rounds: number): Promise<number> {
  let rows = 0;
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      list.map((v) => {
        rows += v.cases.length;
        const records = v.cases.map((t) => {
          const decision: Decision = { allowed: true, relatie, fase: t.fase as Fase, grondslag: field.grondslag, doel: field.doel };
          return { trajectId: t.trajectId, betrokkene: t.betrokkene, field, decision };
        });
        const meta = { caller: v.caller, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), operationName: 'Schaal', subgraph };
        return writer(records, meta);
      }),
    );
  }
  return rows;
}

/** Loads `aantal` cases into empty subgraph databases; refuses a routeplanner that holds any case. */
export async function loadScale(dbs: DemoDatabases, options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const rounds = options.recordsPerCase ?? 5;
  if (await regisseurHeeftGegevens(dbs.regisseur)) throw new Error('schaal: de routeplanner bevat al trajecten; laad in een lege database');
  const writer = (name: 'gemeente' | 'regisseur') => createLogboekWriter({ db: dbs[name], schema: name, subgraph: name, tables: logboekVan(name).tables, now: () => now });
  const [gemeenteLog, regisseurLog] = [writer('gemeente'), writer('regisseur')];
  const rows: Record<string, number> = {};
  const add = (subgraph: string, written: Record<string, number>) => {
    for (const [table, n] of Object.entries(written)) rows[`${subgraph}.${table}`] = (rows[`${subgraph}.${table}`] ?? 0) + n;
  };
  let cases = 0;
  let records = 0;
  let first = true;
  for (const plan of maakDemoPlanInDelen(now, { aantal: options.aantal, deel: options.deel ?? 2000 })) {
    // The three subgraphs' slices in parallel, each in one transaction; the routeplanner's too, so a
    // load that stops half-way leaves whole slices (and refuses to start again: empty the database).
    const [g, c, r] = await Promise.all([
      dbs.gemeente.transaction((tx) => insertRows(tx as unknown as Db, gemeenteSeedStappen(plan.gemeente))),
      dbs.corporatie.transaction((tx) => insertRows(tx as unknown as Db, corporatieSeedStappen(plan.corporatie))),
      dbs.regisseur.transaction((tx) => insertRows(tx as unknown as Db, regisseurSeedStappen(plan.regisseur))),
    ]);
    add('gemeente', g);
    add('corporatie', c);
    add('regisseur', r);
    if (first) await seedGarantiefonds(dbs.garantiefonds, plan.negatieveEinden.slice(0, FUND_CLAIMS), now);
    first = false;
    const gemeenteViews = views(plan.trajecten, (t) => ({ sub: `consulent-${t.gemeente}`, partij: 'GEMEENTE', organisatie: `gemeente-${t.gemeente}`, gemeente: t.gemeente }));
    const regio = (t: DemoTrajectSamenvatting) => t.regio.toLowerCase().replaceAll('_', '-');
    const regisseurViews = views(plan.trajecten.filter(regisseurKent), (t) => ({ sub: `regisseur-${regio(t)}`, partij: 'REGISSEUR', organisatie: `regio-${regio(t)}`, regio: t.regio as Regio }));
    const [rg, rr] = await Promise.all([
      writeViews(gemeenteLog, 'gemeente', GEMEENTE_VIEW, 'EIGEN_GEMEENTE', gemeenteViews, rounds),
      writeViews(regisseurLog, 'regisseur', REGISSEUR_VIEW, 'REGIO', regisseurViews, rounds),
    ]);
    records += rg + rr;
    cases += plan.trajecten.length;
    log(`schaal: ${cases} van ${options.aantal} trajecten, ${records} toegangsregels (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return { cases, rows, records, seconds: (performance.now() - started) / 1000 };
}

/**
 * Shared fixtures of the dosing proofs: an ORACLE (an independent reading of the policy table and the
 * consent rules that `decide` and the running federation are compared with), the personas, the
 * cases (one per phase × consent state, with distinctive values so a leak can be searched for), the
 * seeding of those cases into each subgraph's own tables, and the schema-derived selections and
 * outcome comparison the gateway tests share.
 *
 * The oracle is written on purpose in another style than `schema/decide.ts` and `schema/relations.ts`
 * (relations as a rule list, consent as named checks, basis before consent over all cells), so a
 * mistake in one is not silently repeated in the other.
 */
import { randomUUID } from 'node:crypto';
import { Kind, buildASTSchema, parse, type ConstDirectiveNode, type DefinitionNode, type TypeNode } from 'graphql';
import { readDeclarations } from '../../schema/declarations.js';
import { completePersona, type Persona } from '../../gateway/dev-issuer/mint.js';
import type { Caller, CaseContext, DoorbrekingScope, Ontvanger, ToestemmingScope } from '../../schema/context.js';
import type { Decision, FieldDeclaration, Reden } from '../../schema/decide.js';
import { callerFromClaims } from '../../schema/identity/claims.js';
import { POLICY, type PolicyCell, type Relatie } from '../../schema/policy.js';
import {
  CORPORATIES,
  DOELEN,
  FASEN,
  GEGEVENSCATEGORIEEN,
  LEVENSDOMEINEN,
  ZORGAANBIEDERS,
  type Doel,
  type Fase,
  type Gegevenscategorie,
  type Grondslag,
  type Partij,
} from '../../schema/vocabulary.js';
import { aanvragen } from '../../subgraphs/garantiefonds/db/tables.js';
import { documenten, inwoners, meldingen, ondersteuningsplannen, onderzoeken } from '../../subgraphs/gemeente/db/tables.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from '../../subgraphs/corporatie/db/tables.js';
import { profielen, selecties, toestemmingen, trajecten } from '../../subgraphs/regisseur/db/tables.js';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../subgraphs/common/database.js';
import { newTrajectCode } from '../../subgraphs/regisseur/routeplanner/code.js';
import type { TestFederation } from './federation.js';

export const DAG = 24 * 3600 * 1000;

// ─── The oracle ────────────────────────────────────────────────────────────────────────────────

/** DESIGN §2/§3 as a rule list: which party can hold which relation, and when it holds. */
const RELATIE_REGELS: readonly { partij: Partij; relatie: Relatie; geldt: (c: Caller, x: CaseContext) => boolean }[] = [
  { partij: 'GEMEENTE', relatie: 'EIGEN_GEMEENTE', geldt: (c, x) => c.gemeente !== undefined && c.gemeente === x.gemeente },
  { partij: 'REGISSEUR', relatie: 'REGIO', geldt: (c, x) => c.regio !== undefined && c.regio === x.regio },
  // "Only the matched corporation": once a match is recorded nobody else of the party is related.
  { partij: 'CORPORATIE', relatie: 'GEMATCHT', geldt: (c, x) => !!x.gematcht && x.gematcht === c.organisatie },
  // "Selected but unmatched loses everything": the selection counts only up to CORPORATIEGESPREK.
  {
    partij: 'CORPORATIE',
    relatie: 'GESELECTEERD',
    geldt: (c, x) => !x.gematcht && FASEN.indexOf(x.fase) <= FASEN.indexOf('CORPORATIEGESPREK') && x.geselecteerd.includes(c.organisatie),
  },
  { partij: 'ZORGAANBIEDER', relatie: 'MELDER', geldt: (c, x) => x.melder === c.organisatie },
  { partij: 'ZORGAANBIEDER', relatie: 'GEKOPPELD', geldt: (c, x) => x.gekoppeldeZorgaanbieder === c.organisatie },
  // "The fund sees no person": only a case whose lease ended by eviction or departure exists for it.
  {
    partij: 'GARANTIEFONDS',
    relatie: 'FONDS',
    geldt: (_c, x) => ['ONTRUIMD', 'VERTROKKEN'].includes(x.huur?.beeindiging ?? '') || ['HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD', 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN'].includes(x.uitkomst ?? ''),
  },
  { partij: 'INWONER', relatie: 'ZELF', geldt: (c, x) => c.sub === x.betrokkene },
];

export function oracleRelaties(caller: Caller, ctx: CaseContext): Relatie[] {
  return RELATIE_REGELS.filter((r) => r.partij === caller.partij && r.geldt(caller, ctx)).map((r) => r.relatie);
}

/** The cell of the table, read straight from `POLICY` (not through `policyRows`). */
export function oracleCel(partij: Partij, relatie: Relatie, fase: Fase): PolicyCell | undefined {
  const rij = POLICY[partij] as Partial<Record<Relatie, Partial<Record<Fase, PolicyCell>>>>;
  return rij[relatie]?.[fase];
}

/** Whether any cell of the party, in any relation and phase, names the category (✓ or C). */
export function oracleOoitZichtbaar(partij: Partij, categorie: Gegevenscategorie): boolean {
  const rij = POLICY[partij] as Partial<Record<Relatie, Partial<Record<Fase, PolicyCell>>>>;
  return Object.values(rij).some((fasen) =>
    Object.values(fasen ?? {}).some((c) => c !== undefined && (c.basis.includes(categorie) || c.toestemming.includes(categorie))),
  );
}

export function oracleHeeftRelatie(caller: Caller, ctx: CaseContext): boolean {
  return oracleRelaties(caller, ctx).some((r) => oracleCel(caller.partij, r, ctx.fase) !== undefined);
}

const tijd = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/**
 * A consent counts when every check holds. A recipient without organisation means "every
 * organisation of that party" only for the regisseur and the gemeente; a corporation or care
 * provider must be named (eis der gerichtheid).
 */
export function oracleToestemmingTelt(t: ToestemmingScope, caller: Caller, categorie: Gegevenscategorie, doel: Doel, now: number): boolean {
  const checks = {
    richting: t.richting === 'VERSTREKKEN',
    partij: t.ontvanger.partij === caller.partij,
    gericht: t.ontvanger.organisatie
      ? t.ontvanger.organisatie === caller.organisatie
      : caller.partij !== 'CORPORATIE' && caller.partij !== 'ZORGAANBIEDER',
    categorie: t.categorieen.includes(categorie),
    doel: t.doel === doel,
    begonnen: tijd(t.gegevenOp) <= now,
    nietVerlopen: now < tijd(t.geldigTot),
    nietIngetrokken: !t.ingetrokkenOp || now < tijd(t.ingetrokkenOp),
  };
  return Object.values(checks).every(Boolean);
}

export function oracleDoorbrekingTelt(d: DoorbrekingScope, caller: Caller, coordinate: string, now: number): boolean {
  return (
    d.ontvanger.partij === caller.partij &&
    (!d.ontvanger.organisatie || d.ontvanger.organisatie === caller.organisatie) &&
    d.velden.includes(coordinate) &&
    tijd(d.vanaf) <= now &&
    now < tijd(d.tot)
  );
}

/** What the table and the consent rules say about one field for one caller, in `Decision`'s shape. */
export function oracle(caller: Caller, ctx: CaseContext | null | undefined, field: FieldDeclaration, now: number): Decision {
  const weiger = (reden: Reden, extra: { fase?: Fase; relatie?: Relatie } = {}): Decision => ({
    allowed: false,
    reden,
    partij: caller.partij,
    categorie: field.categorie,
    ...extra,
  });
  if (!oracleOoitZichtbaar(caller.partij, field.categorie)) return weiger('PARTIJ');
  if (ctx === undefined) return weiger('CONTEXT_ONBESCHIKBAAR');
  if (ctx === null) return weiger('RELATIE');
  const relaties = oracleRelaties(caller, ctx);
  const cellen = relaties.flatMap((relatie) => {
    const c = oracleCel(caller.partij, relatie, ctx.fase);
    return c ? [{ relatie, ...c }] : [];
  });
  // A case the caller may not know of in this phase is refused exactly like an unknown one.
  if (cellen.length === 0) return weiger('RELATIE');
  const opGrondslag = cellen.find((c) => c.basis.includes(field.categorie));
  if (opGrondslag) {
    return { allowed: true, relatie: opGrondslag.relatie, fase: ctx.fase, grondslag: opGrondslag.grondslag, doel: opGrondslag.doel };
  }
  const metToestemming = cellen.filter((c) => c.toestemming.includes(field.categorie));
  for (const c of metToestemming) {
    const t = ctx.toestemmingen.find((x) => oracleToestemmingTelt(x, caller, field.categorie, c.doel, now));
    if (t) return { allowed: true, relatie: c.relatie, fase: ctx.fase, grondslag: 'TOESTEMMING', doel: c.doel, toestemmingId: t.id };
    const d = ctx.doorbrekingen.find((x) => oracleDoorbrekingTelt(x, caller, field.coordinate, now));
    if (d) return { allowed: true, relatie: c.relatie, fase: ctx.fase, grondslag: 'CONFLICT_VAN_PLICHTEN', doel: c.doel, doorbrekingId: d.id };
  }
  const laatste = metToestemming[metToestemming.length - 1];
  if (laatste) return weiger('TOESTEMMING', { fase: ctx.fase, relatie: laatste.relatie });
  return weiger('FASE', { fase: ctx.fase, relatie: relaties[0]! });
}

/** Which refusal explains a whole best: the most actionable (the same order `decideAny` documents). */
const REDEN_ORDE: Reden[] = ['PARTIJ', 'CONTEXT_ONBESCHIKBAAR', 'RELATIE', 'FASE', 'TOESTEMMING'];

/** An object or list as a whole: there when any category it stands for may be read. */
export function oracleGeheel(caller: Caller, ctx: CaseContext | null | undefined, container: { readonly decls: readonly FieldDeclaration[] }, now: number): Decision {
  const beslissingen = container.decls.map((d) => oracle(caller, ctx, d, now));
  const toegestaan = beslissingen.find((d) => d.allowed);
  if (toegestaan) return toegestaan;
  return beslissingen.reduce((best, d) => (!d.allowed && !best.allowed && REDEN_ORDE.indexOf(d.reden) > REDEN_ORDE.indexOf(best.reden) ? d : best));
}

// ─── Consent states ────────────────────────────────────────────────────────────────────────────

export const TOESTEMMING_STATEN = [
  'GEEN',
  'GELDIG',
  'GELDIG_PARTIJBREED',
  'VERLOPEN',
  'INGETROKKEN',
  'NOG_NIET_GELDIG',
  'ANDERE_PARTIJ',
  'ANDERE_ORGANISATIE',
  'ANDERE_CATEGORIE',
  'ANDER_DOEL',
  'VERKRIJGEN',
] as const;
export type ToestemmingStaat = (typeof TOESTEMMING_STATEN)[number];

const ANDERE_PARTIJ: Record<Partij, Partij> = {
  INWONER: 'GEMEENTE',
  ZORGAANBIEDER: 'CORPORATIE',
  GEMEENTE: 'REGISSEUR',
  REGISSEUR: 'GEMEENTE',
  CORPORATIE: 'ZORGAANBIEDER',
  GARANTIEFONDS: 'CORPORATIE',
  WERKGROEP: 'GEMEENTE',
  TOEZICHT: 'GEMEENTE',
};

function andereOrganisatie(partij: Partij, organisatie: string): string {
  const pool: readonly string[] =
    partij === 'CORPORATIE' ? CORPORATIES : partij === 'ZORGAANBIEDER' ? ZORGAANBIEDERS : partij === 'REGISSEUR' ? ['regio-noord-limburg', 'regio-midden-limburg'] : [];
  return pool.find((o) => o !== organisatie) ?? `${organisatie}-ander`;
}

/** A consent aimed at `doel` for `categorieen` and `ontvanger`, put in `staat` relative to `now`. */
export function toestemmingIn(
  staat: ToestemmingStaat,
  aim: { id: string; ontvanger: { partij: Partij; organisatie: string }; categorieen: readonly Gegevenscategorie[]; doel: Doel },
  now: number,
): ToestemmingScope | undefined {
  if (staat === 'GEEN') return undefined;
  const iso = (offset: number) => new Date(now + offset).toISOString();
  const base: ToestemmingScope = {
    id: aim.id,
    ontvanger: { ...aim.ontvanger },
    categorieen: [...aim.categorieen],
    doel: aim.doel,
    richting: 'VERSTREKKEN',
    gegevenOp: iso(-30 * DAG),
    geldigTot: iso(300 * DAG),
    ingetrokkenOp: null,
  };
  const { partij, organisatie } = aim.ontvanger;
  switch (staat) {
    case 'GELDIG':
      return base;
    case 'GELDIG_PARTIJBREED':
      return { ...base, ontvanger: { partij, organisatie: null } };
    case 'VERLOPEN':
      return { ...base, gegevenOp: iso(-400 * DAG), geldigTot: iso(-35 * DAG) };
    case 'INGETROKKEN':
      return { ...base, ingetrokkenOp: iso(-DAG) };
    case 'NOG_NIET_GELDIG':
      return { ...base, gegevenOp: iso(5 * DAG) };
    case 'ANDERE_PARTIJ':
      return { ...base, ontvanger: { partij: ANDERE_PARTIJ[partij], organisatie } };
    case 'ANDERE_ORGANISATIE':
      return { ...base, ontvanger: { partij, organisatie: andereOrganisatie(partij, organisatie) } };
    case 'ANDERE_CATEGORIE':
      return { ...base, categorieen: [GEGEVENSCATEGORIEEN.find((c) => !aim.categorieen.includes(c))!] };
    case 'ANDER_DOEL':
      return { ...base, doel: DOELEN.find((d) => d !== aim.doel)! };
    case 'VERKRIJGEN':
      return { ...base, richting: 'VERKRIJGEN' };
  }
}

// ─── Personas ──────────────────────────────────────────────────────────────────────────────────

export interface NamedPersona {
  readonly naam: string;
  readonly persona: Persona;
}

/** The caller a subgraph derives from the token minted for `persona` (same claims, same checks). */
export function callerVan(persona: Persona): Caller {
  const p = completePersona(persona);
  return callerFromClaims({ sub: p.sub, partij: p.partij, organisatie: p.organisatie, rol: p.rol, gemeente: p.gemeente, regio: p.regio });
}

/** Every party with relation own / other organisation (the resident's own persona is per case). */
export const MATRIX_PERSONAS: readonly NamedPersona[] = [
  { naam: 'gemeente eigen (venlo)', persona: { partij: 'GEMEENTE', gemeente: 'venlo', sub: 'wmo-venlo' } },
  { naam: 'gemeente andere (venray)', persona: { partij: 'GEMEENTE', gemeente: 'venray', sub: 'wmo-venray' } },
  { naam: 'regisseur eigen regio', persona: { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', sub: 'regisseur-nl' } },
  { naam: 'regisseur andere regio', persona: { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG', sub: 'regisseur-ml' } },
  { naam: 'corporatie geselecteerd → gematcht (woonwenz)', persona: { partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'woonwenz-1' } },
  { naam: 'corporatie geselecteerd, niet gematcht (destion)', persona: { partij: 'CORPORATIE', organisatie: 'destion', sub: 'destion-1' } },
  { naam: 'corporatie niet geselecteerd (antares)', persona: { partij: 'CORPORATIE', organisatie: 'antares', sub: 'antares-1' } },
  { naam: 'zorgaanbieder melder (leger-des-heils)', persona: { partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils', sub: 'ldh-1' } },
  { naam: 'zorgaanbieder gekoppeld (met-ggz)', persona: { partij: 'ZORGAANBIEDER', organisatie: 'met-ggz', sub: 'metggz-1' } },
  { naam: 'zorgaanbieder andere (moveoo)', persona: { partij: 'ZORGAANBIEDER', organisatie: 'moveoo', sub: 'moveoo-1' } },
  { naam: 'inwoner andere', persona: { partij: 'INWONER', sub: 'inwoner-niet-betrokken' } },
  { naam: 'garantiefonds', persona: { partij: 'GARANTIEFONDS', sub: 'mgr-1' } },
  { naam: 'werkgroep', persona: { partij: 'WERKGROEP', sub: 'werkgroep-1' } },
  { naam: 'toezicht', persona: { partij: 'TOEZICHT', sub: 'fg-1' } },
];

/** The resident of a case, as a persona (several cases share one resident: see `buildDosingCases`). */
export const inwonerPersona = (c: DosingCase): NamedPersona => ({ naam: `inwoner zelf (${c.ctx.betrokkene})`, persona: { partij: 'INWONER', sub: c.ctx.betrokkene } });

// ─── Cases ─────────────────────────────────────────────────────────────────────────────────────

export type ViewRow = Record<string, unknown>;
/** Per `Traject` container field: what its fields resolve to when allowed. */
export type CaseView = Record<string, ViewRow | ViewRow[] | null>;

/** The GraphQL type behind each container of `Traject` (checked against the supergraph). */
export const CONTAINER_TYPES: Record<string, string> = {
  inwoner: 'Inwoner',
  melding: 'Melding',
  onderzoek: 'Onderzoek',
  documenten: 'Document',
  ondersteuningsplan: 'Ondersteuningsplan',
  bemiddelingsprofiel: 'Bemiddelingsprofiel',
  plaatsing: 'Plaatsing',
  uitkomst: 'Uitkomst',
  woningaanbod: 'Woningaanbod',
  huurovereenkomst: 'Huurovereenkomst',
  evaluaties: 'Evaluatie',
  garantieaanvragen: 'Garantieaanvraag',
  // Feedback to the Wmo-consulent: its readers are pinned in routeplanner.test.ts; no rows here.
  terugkoppelingen: 'Terugkoppeling',
  // The course of the file (VERLOOP) and the selection (PROFIEL): decided here as wholes only.
  transities: 'Transitie',
  selecties: 'Selectie',
  toestemmingen: 'Toestemming',
  casusoverleggen: 'Casusoverleg',
};

/**
 * Containers whose rows the fixtures do not model: the matrix checks that each is decided as a whole
 * (null with the refusal, or there), not its rows.
 */
const ALLEEN_STRUCTUUR = new Set(['transities', 'selecties', 'toestemmingen', 'casusoverleggen']);

/** Resolver-level row filters (a corporation sees only its own offers): part of the expected view. */
const RIJ_FILTERS: Record<string, (caller: Caller, row: ViewRow) => boolean> = {
  woningaanbod: (caller, row) => caller.partij !== 'CORPORATIE' || row['corporatie'] === caller.organisatie,
};

export interface Secret {
  readonly coordinate: string;
  readonly value: string;
  /** The `Traject` container and row it sits in (row filters, e.g. a corporation's own offers). */
  readonly container: string;
  readonly row: ViewRow;
}

export interface DosingCase {
  readonly key: string;
  readonly fase: Fase;
  readonly staat: ToestemmingStaat;
  readonly code: string;
  /** Exactly the policy context the regisseur holds for this case. */
  readonly ctx: CaseContext;
  readonly view: CaseView;
  /** Every distinctive personal value of the case, by coordinate: what a leak search looks for. */
  readonly secrets: readonly Secret[];
}

export interface CaseSpec {
  readonly fase: Fase;
  readonly staat: ToestemmingStaat;
  /** Closed before a match (withdrawn in CORPORATIEGESPREK). */
  readonly zonderMatch?: boolean;
}

export const na = (fase: Fase, drempel: Fase): boolean => FASEN.indexOf(fase) >= FASEN.indexOf(drempel);

/** Every phase × every consent state, plus a case closed before any match. */
export function alleCaseSpecs(): CaseSpec[] {
  return [...FASEN.flatMap((fase) => TOESTEMMING_STATEN.map((staat) => ({ fase, staat }))), { fase: 'AFGESLOTEN', staat: 'GELDIG', zonderMatch: true }];
}

/** The phases in which some cell of the table needs a consent (C): only there can a consent state matter. */
export function fasenMetToestemming(): Fase[] {
  return FASEN.filter((fase) =>
    Object.values(POLICY).some((rij) => Object.values(rij as Record<string, Partial<Record<Fase, PolicyCell>>>).some((f) => (f[fase]?.toestemming.length ?? 0) > 0)),
  );
}

/**
 * The cases the gateway matrix needs: every consent state in the phases where a consent can matter,
 * "none" and "valid" elsewhere (the unit tests of `decide` cover all states in every phase), and a
 * case closed before any match.
 */
export function matrixCaseSpecs(): CaseSpec[] {
  const metC = new Set(fasenMetToestemming());
  return alleCaseSpecs().filter((s) => s.zonderMatch || metC.has(s.fase) || s.staat === 'GEEN' || s.staat === 'GELDIG');
}

const willekeurig = (n: number, tekens: string) => Array.from({ length: n }, () => tekens[Math.floor(Math.random() * tekens.length)]).join('');

/** A BSN that passes the elfproef, so the same values would also pass the gemeente's own input checks. */
function bsn(gebruikt: Set<string>): string {
  for (;;) {
    const d = [1 + Math.floor(Math.random() * 9), ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))];
    const check = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    const value = `${d.join('')}${check}`;
    if (check < 10 && !gebruikt.has(value)) {
      gebruikt.add(value);
      return value;
    }
  }
}

const REGISSEUR_ORG = 'regio-noord-limburg';
const HAND_OVER: readonly Gegevenscategorie[] = ['IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', ...LEVENSDOMEINEN, 'PROFIEL'];

/** The consent each C-recipient of the table would need in `fase`: categories and purpose of its cell. */
function beoogdeToestemmingen(fase: Fase): { ontvanger: { partij: Partij; organisatie: string }; relatie: Relatie; fallback: Doel; categorieen: Gegevenscategorie[] }[] {
  const aims = [
    { ontvanger: { partij: 'REGISSEUR' as Partij, organisatie: REGISSEUR_ORG }, relatie: 'REGIO' as Relatie, fallback: 'MATCH_BEMIDDELING' as Doel },
    { ontvanger: { partij: 'CORPORATIE' as Partij, organisatie: 'woonwenz' }, relatie: (na(fase, 'HUUROVEREENKOMST') ? 'GEMATCHT' : 'GESELECTEERD') as Relatie, fallback: 'PASSENDE_WONING' as Doel },
    { ontvanger: { partij: 'CORPORATIE' as Partij, organisatie: 'destion' }, relatie: 'GESELECTEERD' as Relatie, fallback: 'PASSENDE_WONING' as Doel },
    { ontvanger: { partij: 'ZORGAANBIEDER' as Partij, organisatie: 'met-ggz' }, relatie: 'GEKOPPELD' as Relatie, fallback: 'DUURZAAM_WONEN' as Doel },
  ];
  return aims.map((a) => {
    const alle = Object.values(POLICY[a.ontvanger.partij] as Partial<Record<Relatie, Partial<Record<Fase, PolicyCell>>>>).flatMap((f) =>
      Object.values(f ?? {}).flatMap((c) => (c ? [...c.toestemming] : [])),
    );
    return { ...a, categorieen: [...new Set(alle)] };
  });
}

/** Builds the cases of `specs`; every personal value carries a case token so it can be searched for. */
export function buildDosingCases(specs: readonly CaseSpec[], now: number = Date.now()): DosingCase[] {
  const bsns = new Set<string>();
  const codes = new Set<string>();
  // One resident per consent state, with a case in every phase: the resident's own view of all its
  // cases is then a handful of operations, not one per case.
  const inwoners = new Map<string, string>();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  return specs.map((spec, i) => {
    const { fase, staat } = spec;
    const tok = `k${String(i).padStart(3, '0')}${willekeurig(4, 'abcdefghjkmnpqrstuvwxyz')}`;
    const v = (label: string) => `${label}·${tok}`;
    let code: string;
    // The routeplanner's own generator: a code the other subgraphs accept exactly as in production.
    do code = newTrajectCode();
    while (codes.has(code));
    codes.add(code);
    const id = randomUUID();
    const resident = `${staat}${spec.zonderMatch ? '-zm' : ''}`;
    if (!inwoners.has(resident)) inwoners.set(resident, `inwoner-${willekeurig(8, 'abcdefghjkmnpqrstuvwxyz')}`);
    const onderzocht = na(fase, 'ONDERZOEK');
    const overgedragen = na(fase, 'BEMIDDELING');
    const besproken = na(fase, 'CORPORATIEGESPREK');
    const gematcht = na(fase, 'HUUROVEREENKOMST') && !spec.zonderMatch;
    const gehuisvest = na(fase, 'GEHUISVEST') && gematcht;
    const afgesloten = fase === 'AFGESLOTEN';

    const toestemmingenCtx: ToestemmingScope[] = [];
    if (onderzocht) {
      toestemmingenCtx.push(
        toestemmingIn('GELDIG', { id: randomUUID(), ontvanger: { partij: 'REGISSEUR', organisatie: REGISSEUR_ORG }, categorieen: HAND_OVER, doel: 'MATCH_BEMIDDELING' }, now)!,
      );
    }
    for (const aim of beoogdeToestemmingen(fase)) {
      const doel = oracleCel(aim.ontvanger.partij, aim.relatie, fase)?.doel ?? aim.fallback;
      const t = toestemmingIn(staat, { id: randomUUID(), ontvanger: aim.ontvanger, categorieen: aim.categorieen, doel }, now);
      if (t) toestemmingenCtx.push(t);
    }

    const ctx: CaseContext = {
      trajectId: id,
      fase,
      gemeente: 'venlo',
      regio: 'NOORD_LIMBURG',
      betrokkene: inwoners.get(`${staat}${spec.zonderMatch ? '-zm' : ''}`) ?? '',
      geselecteerd: overgedragen ? ['woonwenz', 'destion'] : [],
      gematcht: gematcht ? 'woonwenz' : null,
      melder: 'leger-des-heils',
      // Linked at the lease (DESIGN §3b: "linked at the lease"), so from HUUROVEREENKOMST on.
      gekoppeldeZorgaanbieder: gematcht ? 'met-ggz' : null,
      uitkomst: afgesloten ? (spec.zonderMatch ? 'TERUGGETROKKEN' : 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD') : null,
      toestemmingen: toestemmingenCtx,
      doorbrekingen: [],
    };

    const leeg = <T>(cond: boolean, value: T) => (cond ? value : null);
    const view: CaseView = {
      inwoner: {
        naam: v('Naam'),
        adres: v('Adresstraat 1'),
        telefoon: `06-${String(10_000_000 + i * 7919).slice(0, 8)}`,
        email: `${tok}@inwoner.example`,
        bsn: leeg(onderzocht, bsn(bsns)),
        geboortedatum: leeg(onderzocht, new Date(Date.UTC(1950, 0, 1) + i * 97 * DAG).toISOString().slice(0, 10)),
        geslacht: leeg(onderzocht, v('Geslacht')),
        opleiding: leeg(onderzocht, v('Wmo-opleiding')),
        werk: leeg(onderzocht, v('Wmo-werk')),
        inkomen: leeg(onderzocht, v('Wmo-inkomen')),
        sociaalNetwerk: leeg(onderzocht, v('Wmo-netwerk')),
        woonsituatie: leeg(onderzocht, v('Wmo-woonsituatie')),
        financien: leeg(onderzocht, v('Wmo-financien')),
        huishouden: leeg(onderzocht, v('Wmo-huishouden')),
        mobiliteit: leeg(onderzocht, v('Wmo-mobiliteit')),
        socialeRedzaamheid: leeg(onderzocht, v('Wmo-redzaamheid')),
        gezondheid: leeg(onderzocht, v('Gezondheid')),
      },
      melding: { ontvangenOp: iso(-200 * DAG + i * 60_000), ingediendDoor: 'ZORGAANBIEDER', zorgaanbieder: 'leger-des-heils', toelichting: v('Meldingtoelichting') },
      onderzoek: leeg(onderzocht, { gesprekOp: iso(-190 * DAG), doelgroep: true, doelgroepToelichting: v('Doelgroeptoelichting') }),
      documenten: onderzocht
        ? [{ id: randomUUID(), soort: 'VERHUURDERSVERKLARING', ontvangenOp: iso(-185 * DAG), geldigTot: '2031-01-01', inhoud: v('Verhuurdersverklaring') }]
        : [],
      ondersteuningsplan: leeg(onderzocht, { doelen: v('Plandoelen'), ondertekendOp: iso(-180 * DAG), ondertekendDoor: 'INWONER' }),
      bemiddelingsprofiel: leeg(overgedragen, {
        geslacht: v('Profielgeslacht'),
        woonsituatie: v('Profiel-woonsituatie'),
        huishouden: v('Profiel-huishouden'),
        daginvulling: v('Profiel-daginvulling'),
        mobiliteit: v('Profiel-mobiliteit'),
        sociaalNetwerk: v('Profiel-netwerk'),
        socialeRedzaamheid: v('Profiel-redzaamheid'),
        financien: v('Profiel-financien'),
        conclusie: v('Profiel-conclusie'),
        bejegeningsadvies: v('Bejegeningsadvies'),
        gewijzigdOp: iso(-150 * DAG),
      }),
      terugkoppelingen: [],
      plaatsing: leeg(gematcht, { corporatie: 'woonwenz', gematchtOp: null, gehuisvestOp: gehuisvest ? iso(-90 * DAG) : null }),
      uitkomst: leeg(afgesloten, { soort: ctx.uitkomst, toelichting: v('Uitkomsttoelichting'), afgeslotenOp: iso(-5 * DAG) }),
      woningaanbod: besproken
        ? ['woonwenz', 'destion'].map((corporatie, n) => ({
            id: randomUUID(),
            corporatie,
            omschrijving: v(`Aanbod-${corporatie}`),
            kernHuurprijsCent: 60_000 + n * 1_111,
            beschikbaarPer: '2027-02-01',
          }))
        : [],
      huurovereenkomst: leeg(gehuisvest, {
        corporatie: 'woonwenz',
        zorgaanbieder: 'met-ggz',
        contractvorm: 'HUURDER',
        driePartijenOvereenkomst: true,
        adresWoning: v('Woningadres'),
        ingangsdatum: '2027-01-01',
        kaleHuurCent: 61_000,
        borgCent: 122_000,
        getekendOp: iso(-90 * DAG),
        beeindigdOp: '2027-09-01',
        beeindiging: 'ONTRUIMD',
      }),
      evaluaties: gehuisvest
        ? [{ id: randomUUID(), door: 'woonwenz', datum: '2027-09-01', soort: 'NEGATIEVE_BEEINDIGING', bevindingen: v('Evaluatiebevindingen'), zelfstandigWonend: false }]
        : [],
      garantieaanvragen: gehuisvest
        ? [
            {
              id: randomUUID(),
              trajectCode: code,
              corporatie: 'woonwenz',
              bedragCent: 250_000,
              borgCent: 122_000,
              evaluatie: v('Fondsevaluatie'),
              status: 'INGEDIEND',
              ingediendOp: iso(-4 * DAG),
              besluitOp: null,
              motivering: null,
            },
          ]
        : [],
    };

    const secrets: Secret[] = [];
    for (const [container, rows] of Object.entries(view)) {
      for (const row of rows === null ? [] : Array.isArray(rows) ? rows : [rows]) {
        for (const [field, value] of Object.entries(row)) {
          if (typeof value === 'string' && (value.includes(tok) || field === 'bsn' || field === 'geboortedatum' || field === 'telefoon')) {
            secrets.push({ coordinate: `${CONTAINER_TYPES[container]}.${field}`, value, container, row });
          }
        }
      }
    }
    return { key: `${fase}/${staat}${spec.zonderMatch ? '/ZONDER_MATCH' : ''}`, fase, staat, code, ctx, view, secrets };
  });
}

/**
 * Whether `secret` of case `c` may appear in an answer to `caller` at all: a relation in the current
 * phase, a decision that allows its field, and the resolver's row filter.
 */
export function mayAppear(caller: Caller, c: DosingCase, secret: Secret, declaration: FieldDeclaration, now: number): boolean {
  const filter = RIJ_FILTERS[secret.container];
  return oracleHeeftRelatie(caller, c.ctx) && oracle(caller, c.ctx, declaration, now).allowed && (!filter || filter(caller, secret.row));
}

/** Fails when one secret contains another, which would make a leak search ambiguous. */
export function assertSecretsDistinct(cases: readonly DosingCase[]): void {
  const all = cases.flatMap((c) => c.secrets.map((s) => s.value));
  for (const a of all) for (const b of all) if (a !== b && a.includes(b)) throw new Error(`secret "${b}" is part of "${a}"`);
}

// ─── Seeding into each subgraph's own tables ───────────────────────────────────────────────────

const rowsOf = (v: ViewRow | ViewRow[] | null | undefined): ViewRow[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const s = (x: unknown) => (x == null ? null : String(x));

/** Inserts the cases directly into the regisseur's, gemeente's, corporatie's and fund's own tables. */
export async function seedDosingCases(fed: Pick<TestFederation, 'subgraphs'>, cases: readonly DosingCase[], now: number = Date.now()): Promise<void> {
  const iso = (offset: number) => new Date(now + offset).toISOString();
  const reg = fed.subgraphs.regisseur.database.db;
  const gem = fed.subgraphs.gemeente.database.db;
  const corp = fed.subgraphs.corporatie.database.db;
  const fonds = fed.subgraphs.garantiefonds.database.db;
  // Rows are collected per table and written in a few multi-row inserts: seconds, not a minute.
  const pending = new Map<PgTable, { db: Db; rows: object[] }>();
  const add = <T extends PgTable>(db: Db, table: T, values: T['$inferInsert'] | T['$inferInsert'][]) => {
    const entry = pending.get(table) ?? { db, rows: [] };
    entry.rows.push(...(Array.isArray(values) ? values : [values]));
    pending.set(table, entry);
  };
  for (const [i, c] of cases.entries()) {
    const x = c.ctx;
    const uit = rowsOf(c.view['uitkomst'])[0];
    const plaatsing = rowsOf(c.view['plaatsing'])[0];
    add(reg, trajecten, {
      id: x.trajectId,
      code: c.code,
      fase: x.fase,
      regio: x.regio,
      gemeente: x.gemeente,
      betrokkene: x.betrokkene,
      melder: x.melder ?? null,
      gekoppeldeZorgaanbieder: x.gekoppeldeZorgaanbieder ?? null,
      gematcht: x.gematcht ?? null,
      uitkomst: x.uitkomst ?? null,
      uitkomstToelichting: s(uit?.['toelichting']),
      feiten: na(x.fase, 'BEMIDDELING') ? { ONDERSTEUNINGSPLAN_ONDERTEKEND: iso(-180 * DAG), DOELGROEP_BEOORDEELD: iso(-185 * DAG) } : {},
      aangemeldOp: iso(-200 * DAG + i * 60_000),
      gehuisvestOp: s(plaatsing?.['gehuisvestOp']),
      afgeslotenOp: s(uit?.['afgeslotenOp']),
    });
    if (x.geselecteerd.length) {
      add(reg, selecties, 
        x.geselecteerd.map((corporatie) => ({
          trajectId: x.trajectId,
          corporatie,
          geselecteerdOp: iso(-160 * DAG),
          overlegUitkomst: na(x.fase, 'CORPORATIEGESPREK') ? (corporatie === 'woonwenz' ? 'INTERESSE' : 'GEEN_INTERESSE') : null,
        })),
      );
    }
    if (x.toestemmingen.length) {
      add(reg, toestemmingen, 
        x.toestemmingen.map((t) => ({
          id: t.id,
          trajectId: x.trajectId,
          ontvangerPartij: t.ontvanger.partij,
          ontvangerOrganisatie: t.ontvanger.organisatie ?? null,
          categorieen: [...t.categorieen],
          doel: t.doel,
          richting: t.richting,
          gegevenOp: t.gegevenOp,
          geldigTot: t.geldigTot,
          ingetrokkenOp: t.ingetrokkenOp ?? null,
          vastgelegdDoor: 'gemeente-venlo',
          ondertekendDoor: 'INWONER',
        })),
      );
    }
    const profiel = rowsOf(c.view['bemiddelingsprofiel'])[0];
    if (profiel) add(reg, profielen, { ...(profiel as typeof profielen.$inferInsert), trajectId: x.trajectId });

    const inw = rowsOf(c.view['inwoner'])[0]!;
    add(gem, inwoners, {
      trajectId: x.trajectId,
      betrokkene: x.betrokkene,
      gemeente: x.gemeente,
      naam: String(inw['naam']),
      adres: s(inw['adres']),
      telefoon: s(inw['telefoon']),
      email: s(inw['email']),
      bsn: s(inw['bsn']),
      geboortedatum: s(inw['geboortedatum']),
      geslacht: s(inw['geslacht']),
    });
    const m = rowsOf(c.view['melding'])[0]!;
    add(gem, meldingen, {
      trajectId: x.trajectId,
      ingediendDoor: String(m['ingediendDoor']),
      zorgaanbieder: s(m['zorgaanbieder']),
      machtigingOp: iso(-201 * DAG),
      ontvangenOp: String(m['ontvangenOp']),
      toelichting: s(m['toelichting']),
    });
    const o = rowsOf(c.view['onderzoek'])[0];
    if (o) {
      add(gem, onderzoeken, {
        trajectId: x.trajectId,
        gesprekOp: s(o['gesprekOp']),
        doelgroep: o['doelgroep'] as boolean,
        doelgroepToelichting: s(o['doelgroepToelichting']),
        opleiding: s(inw['opleiding']),
        werkDaginvulling: s(inw['werk']),
        inkomen: s(inw['inkomen']),
        sociaalNetwerk: s(inw['sociaalNetwerk']),
        woonsituatie: s(inw['woonsituatie']),
        financien: s(inw['financien']),
        gezondheid: s(inw['gezondheid']),
        huishouden: s(inw['huishouden']),
        mobiliteit: s(inw['mobiliteit']),
        socialeRedzaamheid: s(inw['socialeRedzaamheid']),
      });
    }
    for (const d of rowsOf(c.view['documenten'])) {
      add(gem, documenten, {
        id: String(d['id']),
        trajectId: x.trajectId,
        soort: String(d['soort']),
        ontvangenOp: String(d['ontvangenOp']),
        geldigTot: s(d['geldigTot']),
        inhoud: String(d['inhoud']),
      });
    }
    const plan = rowsOf(c.view['ondersteuningsplan'])[0];
    if (plan) {
      add(gem, ondersteuningsplannen, {
        trajectId: x.trajectId,
        doelen: String(plan['doelen']),
        ondertekendOp: s(plan['ondertekendOp']),
        ondertekendDoor: s(plan['ondertekendDoor']),
      });
    }

    for (const a of rowsOf(c.view['woningaanbod'])) {
      add(corp, woningaanbiedingen, {
        id: String(a['id']),
        trajectId: x.trajectId,
        corporatie: String(a['corporatie']),
        omschrijving: String(a['omschrijving']),
        kernHuurprijsCent: Number(a['kernHuurprijsCent']),
        beschikbaarPer: s(a['beschikbaarPer']),
        aangebodenOp: iso(-140 * DAG),
      });
    }
    const huur = rowsOf(c.view['huurovereenkomst'])[0];
    if (huur) {
      add(corp, huurovereenkomsten, {
        trajectId: x.trajectId,
        corporatie: String(huur['corporatie']),
        zorgaanbieder: String(huur['zorgaanbieder']),
        contractvorm: String(huur['contractvorm']),
        driePartijenOvereenkomst: Boolean(huur['driePartijenOvereenkomst']),
        adresWoning: String(huur['adresWoning']),
        ingangsdatum: String(huur['ingangsdatum']),
        kaleHuurCent: Number(huur['kaleHuurCent']),
        borgCent: Number(huur['borgCent']),
        getekendOp: String(huur['getekendOp']),
        beeindigdOp: s(huur['beeindigdOp']),
        beeindiging: s(huur['beeindiging']),
      });
    }
    for (const e of rowsOf(c.view['evaluaties'])) {
      add(corp, evaluaties, {
        id: String(e['id']),
        trajectId: x.trajectId,
        door: String(e['door']),
        datum: String(e['datum']),
        soort: String(e['soort']),
        bevindingen: String(e['bevindingen']),
        zelfstandigWonend: e['zelfstandigWonend'] as boolean | null,
      });
    }
    for (const g of rowsOf(c.view['garantieaanvragen'])) {
      add(fonds, aanvragen, {
        id: String(g['id']),
        trajectId: x.trajectId,
        trajectCode: c.code,
        corporatie: String(g['corporatie']),
        formulier: {
          trajectCode: c.code,
          corporatie: String(g['corporatie']),
          datumBeeindiging: '2027-09-01',
          soortBeeindiging: 'ONTRUIMD',
          borgCents: 122_000,
          kostenposten: [{ soort: 'HUURACHTERSTAND_HUURDERVING', cents: Number(g['bedragCent']), bewijs: 'factuur 2027-0042' }],
          besprokenInOverlegOp: null,
          evaluatie: String(g['evaluatie']),
          contactpersoonRol: 'verhuurconsulent',
          reguliereBemiddelingDoorlopen: true,
        },
        bedragCent: Number(g['bedragCent']),
        status: String(g['status']),
        ingediendOp: String(g['ingediendOp']),
        besluitOp: s(g['besluitOp']),
        motivering: s(g['motivering']),
      });
    }
  }
  for (const [table, { db, rows }] of pending) {
    for (let i = 0; i < rows.length; i += 200) await db.insert(table).values(rows.slice(i, i + 200) as never);
  }
}

// ─── The schema, read from SDL ─────────────────────────────────────────────────────────────────

function enumArg(d: ConstDirectiveNode, name: string): string | undefined {
  const a = d.arguments?.find((x) => x.name.value === name);
  return a?.value.kind === Kind.ENUM ? a.value.value : undefined;
}

function dosering(directives: readonly ConstDirectiveNode[] | undefined): Omit<FieldDeclaration, 'coordinate'> | undefined {
  const d = directives?.find((x) => x.name.value === 'dosering');
  if (!d) return undefined;
  return {
    categorie: enumArg(d, 'categorie') as Gegevenscategorie,
    grondslag: enumArg(d, 'grondslag') as Grondslag,
    doel: enumArg(d, 'doel') as Doel,
  };
}

const isObject = (def: DefinitionNode) => def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION;

/** Per coordinate, the effective `@dosering` (the field's, else its type's), read from the SDL text. */
export function declarationsFromSdl(sdl: string): Map<string, FieldDeclaration> {
  const out = new Map<string, FieldDeclaration>();
  for (const def of parse(sdl).definitions) {
    if (!isObject(def) || !('fields' in def)) continue;
    const onType = dosering(def.directives);
    for (const f of def.fields ?? []) {
      const decl = dosering(f.directives) ?? onType;
      const coordinate = `${def.name.value}.${f.name.value}`;
      if (decl && f.name.value !== 'trajectId') out.set(coordinate, { coordinate, ...decl });
    }
  }
  return out;
}

function unwrap(t: TypeNode): { name: string; list: boolean } {
  if (t.kind === Kind.NAMED_TYPE) return { name: t.name.value, list: false };
  const inner = unwrap(t.type);
  return { name: inner.name, list: inner.list || t.kind === Kind.LIST_TYPE };
}

export interface ContainerField extends FieldDeclaration {
  /** The field's own type is an object type, so it is selected as `{ __typename }`. */
  readonly composite: boolean;
}

export interface Container {
  readonly field: string;
  readonly type: string;
  readonly list: boolean;
  readonly fields: readonly ContainerField[];
  /** What the container stands for as a whole: one category, or several (it exists if any may be read). */
  readonly decls: readonly FieldDeclaration[];
}

/** The fields of `Traject` whose type carries personal data, with that type's declared fields. */
export function trajectContainers(sdl: string): Container[] {
  const declarations = declarationsFromSdl(sdl);
  const wholes = readDeclarations(buildASTSchema(parse(sdl), { assumeValidSDL: true })).byCoordinate;
  const doc = parse(sdl);
  const composite = new Set(
    doc.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.UNION_TYPE_DEFINITION ? [d.name.value] : [])),
  );
  const fieldTypes = new Map<string, string>(
    doc.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? (d.fields ?? []).map((f): [string, string] => [`${d.name.value}.${f.name.value}`, unwrap(f.type).name]) : [])),
  );
  const traject = doc.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Traject');
  if (!traject || traject.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('geen type Traject in de SDL');
  const out: Container[] = [];
  for (const f of traject.fields ?? []) {
    const { name, list } = unwrap(f.type);
    const fields = [...declarations.values()]
      .filter((d) => d.coordinate.startsWith(`${name}.`))
      .map((d) => ({ ...d, composite: composite.has(fieldTypes.get(d.coordinate) ?? '') }));
    const whole = wholes.get(`Traject.${f.name.value}`);
    if (fields.length && whole && whole.kind !== 'vrij') out.push({ field: f.name.value, type: name, list, fields, decls: whole.kind === 'dosering' ? [whole.decl] : whole.decls });
  }
  return out;
}

/** Per container, the declared fields outside `forbidden` (the party's static contract). */
export function contractSelection(containers: readonly Container[], forbidden: ReadonlySet<string>): Container[] {
  return containers
    .map((c) => ({ ...c, fields: c.fields.filter((f) => !forbidden.has(f.coordinate)) }))
    .filter((c) => c.fields.length > 0);
}

export function selectionText(selection: readonly Container[]): string {
  const field = (f: ContainerField) => `${f.coordinate.split('.')[1]}${f.composite ? ' { __typename }' : ''}`;
  return selection.map((c) => `${c.field} { ${c.fields.map(field).join(' ')} }`).join(' ');
}

/** One operation asking several cases under aliases `c0`, `c1`, … */
export function aliasedTrajectQuery(ids: readonly string[], selection: readonly Container[]): string {
  const body = selectionText(selection);
  return `query Doseringsmatrix { ${ids.map((id, i) => `c${i}: traject(id: ${JSON.stringify(id)}) { id fase ${body} }`).join(' ')} }`;
}

// ─── Outcomes: what the oracle expects vs. what the gateway answered ───────────────────────────

/** Timestamps come back in the driver's format; compare instants, not spellings. */
function norm(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(value)) return JSON.stringify(new Date(value).toISOString());
  return JSON.stringify(value ?? null);
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, any>;
}

/** A refusal as the error's extensions name it, independent of where the gateway put it. */
export const refusalKey = (veld: string, fase: string | undefined, reden: string) => `${veld} in ${fase ?? '-'} ⊘ ${reden}`;

export interface ExpectedOutcomes {
  /** Per field of the case: its value, `null` when refused; `*` for a field the fixture does not model. */
  readonly lines: string[];
  /** One `refusalKey` per refused field. */
  readonly refusals: string[];
  /** The values the caller may see (everything else of the case must not appear). */
  readonly allowedValues: Set<string>;
}

/** What the oracle expects for one case under `alias`. */
export function expectedOutcomes(alias: string, caller: Caller, c: DosingCase, selection: readonly Container[], now: number): ExpectedOutcomes {
  const allowedValues = new Set<string>();
  const refusals: string[] = [];
  if (!oracleHeeftRelatie(caller, c.ctx)) return { lines: [`${alias} = null`], refusals, allowedValues };
  const lines = [`${alias}.id = ${norm(c.ctx.trajectId)}`, `${alias}.fase = ${norm(c.fase)}`];
  for (const container of selection) {
    const whole = oracleGeheel(caller, c.ctx, container, now);
    if (!whole.allowed) {
      lines.push(`${alias}.${container.field} = null`);
      refusals.push(refusalKey(`Traject.${container.field}`, whole.fase, whole.reden));
      continue;
    }
    if (ALLEEN_STRUCTUUR.has(container.field)) {
      lines.push(`${alias}.${container.field} = *`);
      continue;
    }
    const raw = c.view[container.field];
    if (raw === undefined) throw new Error(`fixture kent container ${container.field} niet; breid CaseView uit`);
    const filter = RIJ_FILTERS[container.field];
    const rows = rowsOf(raw).filter((r) => !filter || filter(caller, r));
    const at = `${alias}.${container.field}${container.list ? '[]' : ''}`;
    if (rows.length === 0) {
      lines.push(`${alias}.${container.field} = ${container.list ? '[]' : 'null'}`);
      continue;
    }
    for (const row of rows) {
      for (const f of container.fields) {
        const name = f.coordinate.split('.')[1]!;
        const d = oracle(caller, c.ctx, f, now);
        // A field the fixture does not model (added since) is checked for its refusal, not its value.
        if (!(name in row)) lines.push(`${at}.${name} = *`);
        else lines.push(`${at}.${name} = ${d.allowed ? norm(row[name]) : 'null'}`);
        if (d.allowed && typeof row[name] === 'string') allowedValues.add(row[name] as string);
        if (!d.allowed) refusals.push(refusalKey(f.coordinate, d.fase, d.reden));
      }
    }
  }
  return { lines, refusals, allowedValues };
}

/** The same lines read from the data of a response. */
export function actualOutcomes(alias: string, data: Record<string, any> | null | undefined, selection: readonly Container[], c: DosingCase): string[] {
  const t = data?.[alias];
  if (t === null || t === undefined) return [`${alias} = ${t === null ? 'null' : 'undefined'}`];
  const lines = [`${alias}.id = ${norm(t.id)}`, `${alias}.fase = ${norm(t.fase)}`];
  for (const container of selection) {
    const value = t[container.field];
    if (value === null || value === undefined) {
      lines.push(`${alias}.${container.field} = null`);
      continue;
    }
    if (ALLEEN_STRUCTUUR.has(container.field)) {
      lines.push(`${alias}.${container.field} = *`);
      continue;
    }
    if (Array.isArray(value) && value.length === 0) {
      lines.push(`${alias}.${container.field} = []`);
      continue;
    }
    const at = `${alias}.${container.field}${container.list ? '[]' : ''}`;
    const known = new Set(rowsOf(c.view[container.field]).flatMap((r) => Object.keys(r)));
    for (const item of container.list ? (value as any[]) : [value]) {
      for (const f of container.fields) {
        const name = f.coordinate.split('.')[1]!;
        lines.push(`${at}.${name} = ${known.has(name) ? norm(item[name]) : '*'}`);
      }
    }
  }
  return lines;
}

/** The refusals a response carries (by its extensions), and any other error as such. */
export function actualRefusals(errors: readonly GqlError[] | undefined): string[] {
  return (errors ?? []).map((e) =>
    e.extensions?.['code'] === 'DOSERING_GEWEIGERD'
      ? refusalKey(String(e.extensions['veld']), e.extensions['fase'], String(e.extensions['reden']))
      : `ANDERE FOUT ${e.extensions?.['code']}: ${e.message}`,
  );
}

/** The lines of `a` not matched one-for-one in `b` (a multiset difference). */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const rest = new Map<string, number>();
  for (const x of b) rest.set(x, (rest.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = rest.get(x) ?? 0;
    if (n > 0) rest.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

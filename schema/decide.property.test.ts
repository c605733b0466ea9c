/**
 * Property-based proof of `decide` (fast-check): random callers, random case contexts (phases,
 * selections, matches, consents and overrides with random windows) and random fields never yield an
 * access the table and the consent rules forbid. Small organisation pools make the random callers
 * actually collide with the random cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oracle, oracleCel, oracleRelaties, oracleToestemmingTelt } from '../test/helpers/dosing-fixtures.js';
import { projectForCaller } from '../subgraphs/common/policy-context.js';
import type { Caller, CaseContext, DoorbrekingScope, ToestemmingScope } from './context.js';
import { decide, type FieldDeclaration } from './decide.js';
import { DOELEN, FASEN, GEGEVENSCATEGORIEEN, PARTIJEN, REGIOS, type Gegevenscategorie, type Partij } from './vocabulary.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAG = 24 * 3600 * 1000;
const RUNS = { numRuns: 3000 };

const CORPORATIES = ['woonwenz', 'destion', 'antares'];
const ZORG = ['leger-des-heils', 'met-ggz', 'moveoo'];
const GEMEENTEN = ['venlo', 'venray', 'roermond'];
const INWONERS = ['inwoner-1', 'inwoner-2'];
const ORGANISATIES = [...CORPORATIES, ...ZORG, 'regio-noord-limburg', 'regio-midden-limburg', 'gemeente-venlo', 'mgr', 'inwoner'];
const VELDEN = ['Inwoner.naam', 'Inwoner.bsn', 'Inwoner.gezondheid', 'Document.inhoud', 'Bemiddelingsprofiel.conclusie', 'Huurovereenkomst.adresWoning'];

const callerArb: fc.Arbitrary<Caller> = fc.constantFrom(...PARTIJEN).chain((partij): fc.Arbitrary<Caller> => {
  switch (partij) {
    case 'GEMEENTE':
      return fc.constantFrom(...GEMEENTEN).map((g) => ({ sub: `wmo-${g}`, partij, organisatie: `gemeente-${g}`, gemeente: g }));
    case 'REGISSEUR':
      return fc.constantFrom(...REGIOS).map((regio) => ({ sub: `r-${regio}`, partij, organisatie: regio === 'NOORD_LIMBURG' ? 'regio-noord-limburg' : 'regio-midden-limburg', regio }));
    case 'CORPORATIE':
      return fc.constantFrom(...CORPORATIES).map((o) => ({ sub: `${o}-1`, partij, organisatie: o }));
    case 'ZORGAANBIEDER':
      return fc.constantFrom(...ZORG).map((o) => ({ sub: `${o}-1`, partij, organisatie: o }));
    case 'INWONER':
      return fc.constantFrom(...INWONERS).map((sub) => ({ sub, partij, organisatie: 'inwoner' }));
    default:
      return fc.constant({ sub: `${partij.toLowerCase()}-1`, partij, organisatie: partij.toLowerCase() });
  }
});

const offset = fc.integer({ min: -400, max: 60 }).map((d) => d * DAG + 1);
const iso = (ms: number) => new Date(NOW + ms).toISOString();
const ontvangerArb = fc.record({ partij: fc.constantFrom(...PARTIJEN), organisatie: fc.option(fc.constantFrom(...ORGANISATIES), { nil: null }) });

const toestemmingArb: fc.Arbitrary<ToestemmingScope> = fc
  .record({
    id: fc.uuid(),
    ontvanger: ontvangerArb,
    categorieen: fc.subarray([...GEGEVENSCATEGORIEEN], { minLength: 1 }),
    doel: fc.constantFrom(...DOELEN),
    richting: fc.constantFrom('VERKRIJGEN' as const, 'VERSTREKKEN' as const),
    gegeven: offset,
    duur: fc.integer({ min: 1, max: 400 }),
    ingetrokken: fc.option(offset, { nil: null }),
  })
  .map((t) => ({
    id: t.id,
    ontvanger: t.ontvanger,
    categorieen: t.categorieen,
    doel: t.doel,
    richting: t.richting,
    gegevenOp: iso(t.gegeven),
    geldigTot: iso(t.gegeven + t.duur * DAG),
    ingetrokkenOp: t.ingetrokken === null ? null : iso(t.ingetrokken),
  }));

const doorbrekingArb: fc.Arbitrary<DoorbrekingScope> = fc
  .record({ id: fc.uuid(), ontvanger: ontvangerArb, velden: fc.subarray(VELDEN, { minLength: 1 }), vanaf: offset, duur: fc.integer({ min: 1, max: 60 }) })
  .map((d) => ({ id: d.id, ontvanger: d.ontvanger, velden: d.velden, vanaf: iso(d.vanaf), tot: iso(d.vanaf + d.duur * DAG) }));

const ctxArb: fc.Arbitrary<CaseContext> = fc.record({
  trajectId: fc.constant('traject-1'),
  fase: fc.constantFrom(...FASEN),
  gemeente: fc.constantFrom(...GEMEENTEN),
  regio: fc.constantFrom(...REGIOS),
  betrokkene: fc.constantFrom(...INWONERS),
  geselecteerd: fc.subarray(CORPORATIES),
  gematcht: fc.option(fc.constantFrom(...CORPORATIES), { nil: null }),
  melder: fc.option(fc.constantFrom(...ZORG), { nil: null }),
  gekoppeldeZorgaanbieder: fc.option(fc.constantFrom(...ZORG), { nil: null }),
  uitkomst: fc.constant(null),
  toestemmingen: fc.array(toestemmingArb, { maxLength: 4 }),
  doorbrekingen: fc.array(doorbrekingArb, { maxLength: 2 }),
});

const fieldArb: fc.Arbitrary<FieldDeclaration> = fc
  .record({ categorie: fc.constantFrom(...GEGEVENSCATEGORIEEN), coordinate: fc.constantFrom(...VELDEN) })
  .map(({ categorie, coordinate }) => ({ coordinate, categorie, grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' }));

const nowArb = fc.integer({ min: -3 * DAG, max: 3 * DAG }).map((d) => NOW + d);

describe('decide, property-based', () => {
  it('equals the oracle for any caller, case, field and moment', () => {
    fc.assert(
      fc.property(callerArb, fc.option(ctxArb, { nil: undefined }), fieldArb, nowArb, (caller, ctx, field, now) => {
        expect(decide(caller, ctx, field, now)).toEqual(oracle(caller, ctx, field, now));
      }),
      RUNS,
    );
  });

  it('never allows what the table and consent rules forbid: every access is justified by a cell and, for C, a covering record', () => {
    fc.assert(
      fc.property(callerArb, ctxArb, fieldArb, nowArb, (caller, ctx, field, now) => {
        const d = decide(caller, ctx, field, now);
        if (!d.allowed) return;
        expect(oracleRelaties(caller, ctx)).toContain(d.relatie);
        expect(d.fase).toBe(ctx.fase);
        const cel = oracleCel(caller.partij, d.relatie, ctx.fase);
        expect(cel).toBeDefined();
        expect(d.doel).toBe(cel!.doel);
        // The MELDER cell rests on the machtiging (grondslag TOESTEMMING) as a basis: tell them apart by the record id.
        if (d.toestemmingId !== undefined) {
          expect(d.grondslag).toBe('TOESTEMMING');
          expect(cel!.toestemming).toContain(field.categorie);
          const t = ctx.toestemmingen.find((x) => x.id === d.toestemmingId)!;
          expect(oracleToestemmingTelt(t, caller, field.categorie, cel!.doel, now)).toBe(true);
        } else if (d.doorbrekingId !== undefined) {
          expect(d.grondslag).toBe('CONFLICT_VAN_PLICHTEN');
          expect(cel!.toestemming).toContain(field.categorie);
          const o = ctx.doorbrekingen.find((x) => x.id === d.doorbrekingId)!;
          expect(o.velden).toContain(field.coordinate);
          expect(Date.parse(o.vanaf) <= now && now < Date.parse(o.tot)).toBe(true);
        } else {
          expect(cel!.basis).toContain(field.categorie);
          expect(d.grondslag).toBe(cel!.grondslag);
        }
      }),
      RUNS,
    );
  });

  it('never lets a revoked consent allow anything after its revocation time', () => {
    const revokedArb = fc.tuple(ctxArb, fc.array(fc.integer({ min: 0, max: 200 * DAG }), { minLength: 4, maxLength: 4 })).map(([ctx, ago]) => ({
      ...ctx,
      doorbrekingen: [],
      toestemmingen: ctx.toestemmingen.map((t, i) => ({ ...t, ingetrokkenOp: iso(-ago[i]!) })),
    }));
    fc.assert(
      fc.property(callerArb, revokedArb, fieldArb, (caller, ctx, field) => {
        const d = decide(caller, ctx, field, NOW);
        expect(d.allowed && d.toestemmingId !== undefined).toBe(false);
        // Revoked consents are as good as none.
        expect(d).toEqual(decide(caller, { ...ctx, toestemmingen: [] }, field, NOW));
      }),
      RUNS,
    );
  });

  it('never gives a corporation that is not gematcht IDENTITEIT, CONTACT, GEBOORTEDATUM, GESLACHT or BSN, in any phase', () => {
    const IDENTIFICEREND: Gegevenscategorie[] = ['IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', 'BSN'];
    const corporatie = callerArb.filter((c) => c.partij === 'CORPORATIE');
    // Consents and overrides aimed straight at the corporation for exactly those data must not help either.
    const gericht = (c: Caller) =>
      ctxArb.map((ctx) => ({
        ...ctx,
        toestemmingen: [
          ...ctx.toestemmingen,
          ...ctx.toestemmingen.map((t) => ({ ...t, ontvanger: { partij: 'CORPORATIE' as Partij, organisatie: c.organisatie }, categorieen: IDENTIFICEREND, richting: 'VERSTREKKEN' as const })),
        ],
        doorbrekingen: ctx.doorbrekingen.map((d) => ({ ...d, ontvanger: { partij: 'CORPORATIE' as Partij, organisatie: c.organisatie } })),
      }));
    fc.assert(
      fc.property(
        corporatie.chain((c) => fc.tuple(fc.constant(c), gericht(c).filter((ctx) => ctx.gematcht !== c.organisatie))),
        fc.constantFrom(...IDENTIFICEREND),
        fc.constantFrom(...VELDEN),
        nowArb,
        ([caller, ctx], categorie, coordinate, now) => {
          expect(decide(caller, ctx, { coordinate, categorie, grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_WONING' }, now).allowed).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('never allows WERKGROEP or TOEZICHT anything, even with consents and overrides naming them', () => {
    fc.assert(
      fc.property(fc.constantFrom<Partij>('WERKGROEP', 'TOEZICHT'), ctxArb, fieldArb, nowArb, (partij, ctx, field, now) => {
        const caller: Caller = { sub: 'x', partij, organisatie: partij.toLowerCase() };
        const named = {
          ...ctx,
          toestemmingen: ctx.toestemmingen.map((t) => ({ ...t, ontvanger: { partij } })),
          doorbrekingen: ctx.doorbrekingen.map((d) => ({ ...d, ontvanger: { partij } })),
        };
        expect(decide(caller, named, field, now)).toMatchObject({ allowed: false, reden: 'PARTIJ' });
      }),
      RUNS,
    );
  });

  it('never gives GEZONDHEID on a basis alone, except to the own gemeente, the resident themself and the filer of the melding while it is one', () => {
    fc.assert(
      fc.property(callerArb, ctxArb, fc.constantFrom(...VELDEN), nowArb, (caller, ctx, coordinate, now) => {
        const d = decide(caller, ctx, { coordinate, categorie: 'GEZONDHEID', grondslag: 'WMO_GEZONDHEID', doel: 'PASSENDE_ONDERSTEUNING' }, now);
        if (!d.allowed || d.toestemmingId !== undefined || d.doorbrekingId !== undefined) return;
        expect([`${caller.partij}/${d.relatie}/${d.fase}`]).toSatisfy(
          ([k]: string[]) => !!k && (k.startsWith('GEMEENTE/EIGEN_GEMEENTE/') || k.startsWith('INWONER/ZELF/') || k === 'ZORGAANBIEDER/MELDER/MELDING'),
        );
      }),
      RUNS,
    );
  });

  it('decides the same on the context the regisseur projects for the caller as on the full context', () => {
    fc.assert(
      fc.property(callerArb, ctxArb, fieldArb, nowArb, (caller, ctx, field, now) => {
        // A case without relation is projected to `null`; its refusal then carries no phase, only the reason.
        const kern = (d: ReturnType<typeof decide>) => (d.allowed ? d : { allowed: false, reden: d.reden });
        expect(kern(decide(caller, projectForCaller(caller, ctx), field, now))).toEqual(kern(decide(caller, ctx, field, now)));
      }),
      RUNS,
    );
  });
});

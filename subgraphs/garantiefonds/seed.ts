/**
 * Demo data of the fund, written through the same operations the API uses, so every rule holds in
 * the demo too: the parties of the agreement (13 gemeenten, 8 corporations, the care providers), the
 * first round (mostly paid, a few still due), claims for some of the demo's negative ends in every
 * state, and — automatically, by the payout — a replenishment round if the balance drops below
 * € 25.000. Idempotent: every step is keyed (party, round, contribution, case), so running it again
 * adds nothing, and a run that stopped half-way is completed.
 */
import { eq, isNull } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import {
  ALLE_DEELNEMERS,
  SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL,
  SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL,
  partyKey,
  soortVanUitkomst,
  type Kostensoort,
} from './domain/index.js';
import type { Db } from '../common/database.js';
import { aanvragen, bijdrageronden, bijdragen, deelnemers } from './db/tables.js';
import { besluitOverAanvraag, dienAanvraagIn, type FormulierInvoer } from './operations/claims.js';
import { registreerBijdrage } from './operations/contributions.js';
import { betaalUit } from './operations/payout.js';
import { inFondsTransactie } from './store/ledger.js';
import { actieveDeelnemers, berekenRonde, vraagRondeUit } from './store/rounds.js';

/** A demo case whose lease ended negatively, as the colleague's demo seed knows it. */
export interface NegatiefEinde {
  readonly trajectId: string;
  readonly trajectCode: string;
  readonly corporatie: string;
  readonly uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' | 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN';
  readonly borgCent: number;
  /** When the lease ended (ISO date or timestamp). */
  readonly datum: string;
}

const DAG = 24 * 60 * 60 * 1000;

/** Contributions of the first round left unpaid, so the demo shows what is still due. */
export const SEED_OPENSTAAND = ['GEMEENTE:beesel', 'CORPORATIE:zowonen', 'ZORGAANBIEDER:moveoo'] as const;

/** The state each claim is brought to, by position: paid, approved, rejected, submitted, none. */
const DOELEN = ['UITBETAALD', 'GOEDGEKEURD', 'AFGEWEZEN', 'INGEDIEND', null] as const;
type Doel = (typeof DOELEN)[number];

const dag = (d: Date) => d.toISOString().slice(0, 10);
const uiterlijk = (d: Date, now: Date) => (d.getTime() > now.getTime() ? now : d);

async function seedDeelnemers(db: Db, start: Date): Promise<void> {
  const gewicht = (kind: string, slug: string): number =>
    kind === 'GEMEENTE'
      ? (SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL as Record<string, number>)[slug] ?? 1
      : kind === 'CORPORATIE'
        ? (SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL as Record<string, number>)[slug] ?? 1
        : 1;
  await db
    .insert(deelnemers)
    .values(ALLE_DEELNEMERS.map((p) => ({ id: partyKey(p), soort: p.kind, slug: p.slug, gewicht: gewicht(p.kind, p.slug), toegetredenOp: start.toISOString() })))
    .onConflictDoNothing({ target: deelnemers.id });
}

async function seedEersteRonde(db: Db, start: Date, now: Date): Promise<void> {
  await inFondsTransactie(db, async (tx) => {
    const [eerste] = await tx.select().from(bijdrageronden).where(eq(bijdrageronden.ronde, 1));
    if (eerste) return;
    await vraagRondeUit(tx, 'INLEG', 'eerste inleg (art. 7.2–7.5)', berekenRonde(await actieveDeelnemers(tx)), start.toISOString());
  });
  const open = await db.select().from(bijdragen).where(isNull(bijdragen.betaaldOp));
  for (const b of open) {
    if (b.ronde !== 1 || (SEED_OPENSTAAND as readonly string[]).includes(b.deelnemer)) continue;
    await registreerBijdrage(db, b.id, dag(uiterlijk(new Date(start.getTime() + 30 * DAG), now)), now);
  }
}

/** A realistic form: rent arrears above the deposit, plus eviction or repair costs by the kind of end. */
function formulierVoor(einde: NegatiefEinde, i: number): FormulierInvoer {
  const soort = soortVanUitkomst(einde.uitkomst)!;
  const lines: { soort: Kostensoort; bedragCent: number; bewijs: string }[] = [
    { soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: einde.borgCent + 85_000 + (i % 7) * 12_350, bewijs: `huuradministratie, overzicht achterstand ${einde.trajectCode}` },
    soort === 'ONTRUIMD'
      ? { soort: 'ONTRUIMINGSKOSTEN', bedragCent: 64_500, bewijs: 'factuur deurwaarder, ontruiming' }
      : { soort: 'MUTATIEKOSTEN', bedragCent: 42_750, bewijs: 'opnameformulier punten 3 t/m 7, niet hersteld' },
  ];
  return {
    trajectId: einde.trajectId,
    trajectCode: einde.trajectCode,
    datumBeeindiging: einde.datum.slice(0, 10),
    soortBeeindiging: soort,
    borgCent: einde.borgCent,
    kostenposten: lines,
    evaluatie:
      soort === 'ONTRUIMD'
        ? 'Signalen over de huurachterstand kwamen pas na drie maanden bij de casusregisseur; afspraak: na één gemiste huur direct overleg.'
        : 'Huurder vertrok zonder opzegging; de begeleiding was afgebouwd. Afspraak: afbouw pas na evaluatie met corporatie.',
    contactpersoonRol: 'verhuurconsulent',
    reguliereBemiddelingDoorlopen: false,
  };
}

async function seedAanvraag(db: Db, einde: NegatiefEinde, i: number, now: Date): Promise<void> {
  const doel: Doel = DOELEN[i % DOELEN.length] ?? null;
  if (doel === null) return;
  const eind = new Date(einde.datum);
  const ingediend = uiterlijk(new Date(eind.getTime() + 14 * DAG), now);
  let [row] = await db.select().from(aanvragen).where(eq(aanvragen.trajectId, einde.trajectId));
  if (!row) {
    row = await dienAanvraagIn(db, formulierVoor(einde, i), { uitkomst: einde.uitkomst, gematcht: einde.corporatie, trajectCode: einde.trajectCode, huurBorgCents: einde.borgCent, huurEinddatum: einde.datum.slice(0, 10) }, einde.corporatie, 'seed', ingediend);
  }
  if (doel === 'INGEDIEND' || row.status !== 'INGEDIEND') {
    if (doel === 'UITBETAALD' && row.status === 'GOEDGEKEURD') await betaalUit(db, row.id, now);
    return;
  }
  const besproken = uiterlijk(new Date(ingediend.getTime() + 7 * DAG), now);
  const afwijzen = doel === 'AFGEWEZEN';
  await besluitOverAanvraag(
    db,
    {
      aanvraagId: row.id,
      uitkomst: afwijzen ? 'AFGEWEZEN' : 'GOEDGEKEURD',
      motivering: afwijzen
        ? 'Afgewezen: de achterstand is ontstaan nadat de corporatie de afgesproken signalering niet volgde; geen compensatie passend.'
        : 'Goedgekeurd: negatieve beëindiging na tijdig signaleren door alle partijen; kosten onderbouwd en hoger dan de borg.',
      besprokenInOverlegOp: dag(besproken),
      partijenGeraadpleegd: true,
    },
    'seed',
    besproken,
  );
  if (doel === 'UITBETAALD') await betaalUit(db, row.id, now);
}

/**
 * Seeds the fund. `negatieveEinden` are the demo's cases whose lease ended negatively; claims are
 * made for four in five of them, cycling through paid, approved, rejected and submitted.
 */
export async function seedGarantiefonds(db: Db, negatieveEinden: readonly NegatiefEinde[], now: Date): Promise<void> {
  const start = new Date(now.getTime() - 400 * DAG);
  await seedDeelnemers(db, start);
  await seedEersteRonde(db, start, now);
  for (const [i, einde] of negatieveEinden.entries()) {
    try {
      await seedAanvraag(db, einde, i, now);
    } catch (error) {
      // Seed data that breaks a rule is a bug in the demo data: say which case, never swallow it.
      const code = error instanceof GraphQLError ? String(error.extensions['code']) : 'FOUT';
      throw new Error(`seedGarantiefonds: aanvraag voor ${einde.trajectCode} geweigerd (${code}): ${(error as Error).message}`);
    }
  }
}

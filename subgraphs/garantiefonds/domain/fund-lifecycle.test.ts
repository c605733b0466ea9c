import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submitAanvraag, type Aanvraag } from './aanvraag.js';
import type { Kostensoort } from './claims.js';
import { contributionRound, needsReplenishment } from './contributions.js';
import { decide } from './decision.js';
import { FondsErrorCode } from './errors.js';
import { applyBijdragen, applyPayout, balance, verifyLedger, type LedgerEntry } from './ledger.js';
import { ALLE_DEELNEMERS } from './parties.js';
import { payAanvraag } from './payout.js';
import { validFeiten, validFormulier } from './test-fixtures.js';

const AT = '2025-01-01T00:00:00Z';
const SOORTEN: readonly Kostensoort[] = ['MUTATIEKOSTEN', 'JURIDISCHE_KOSTEN', 'HUURACHTERSTAND_HUURDERVING', 'ONTRUIMINGSKOSTEN'];

const command = fc.oneof(
  fc.record({ t: fc.constant('ronde' as const), parties: fc.subarray([...ALLE_DEELNEMERS], { minLength: 1 }) }),
  fc.record({
    t: fc.constant('storting' as const),
    party: fc.constantFrom(...ALLE_DEELNEMERS),
    cents: fc.integer({ min: 0, max: 3_000_000 }),
  }),
  fc.record({
    t: fc.constant('indienen' as const),
    lines: fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 3 }),
    borg: fc.integer({ min: 0, max: 2_000_000 }),
    negligence: fc.boolean(),
    discussed: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('besluit' as const),
    pick: fc.nat(),
    uitkomst: fc.constantFrom('GOEDGEKEURD' as const, 'AFGEWEZEN' as const),
    instemming: fc.boolean(),
    motivering: fc.boolean(),
  }),
  fc.record({ t: fc.constant('uitbetalen' as const), pick: fc.nat(), twice: fc.boolean() }),
  fc.record({ t: fc.constant('oude-kopie' as const), pick: fc.nat(), version: fc.nat() }),
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** How often each interesting path was taken, to prove the random runs really exercise them. */
const seen = { paid: 0, alreadyPaid: 0, saldoTeLaag: 0, nietGoedgekeurd: 0, uitzondering: 0, staleAlreadyPaid: 0 };

/** Runs a sequence of fund operations and checks the ledger's invariants after every step. */
function run(commands: readonly Command[]): void {
  let entries: readonly LedgerEntry[] = [];
  let expectedBalance = 0;
  const claims: Aanvraag[] = []; // latest version per claim
  const versions: Aanvraag[][] = []; // every version ever seen, to replay stale copies
  const record = (c: Aanvraag): void => {
    const i = claims.findIndex((x) => x.id === c.id);
    if (i === -1) {
      claims.push(c);
      versions.push([c]);
    } else {
      claims[i] = c;
      versions[i]?.push(c);
    }
  };

  for (const cmd of commands) {
    switch (cmd.t) {
      case 'ronde': {
        const round = contributionRound(cmd.parties);
        expect(round.ok).toBe(true);
        if (!round.ok) break;
        const booked = applyBijdragen(entries, round.value, AT);
        expect(booked.ok).toBe(true);
        if (!booked.ok) break;
        expectedBalance += round.value.reduce((a, b) => a + b.cents, 0);
        entries = booked.value.entries;
        break;
      }
      case 'storting': {
        const booked = applyBijdragen(entries, [{ ...cmd.party, cents: cmd.cents }], AT);
        expect(booked.ok).toBe(true);
        if (!booked.ok) break;
        expectedBalance += cmd.cents;
        entries = booked.value.entries;
        break;
      }
      case 'indienen': {
        const formulier = validFormulier({
          borgCents: cmd.borg,
          kostenposten: cmd.lines.map((cents, i) => ({ soort: SOORTEN[i % 4] ?? 'MUTATIEKOSTEN', cents, bewijs: `factuur ${i + 1}` })),
          besprokenInOverlegOp: cmd.discussed ? '2024-12-01' : null,
        });
        const submitted = submitAanvraag({
          id: `A-${claims.length + 1}`,
          formulier,
          feiten: validFeiten({ negligenceRecorded: cmd.negligence }),
          at: AT,
        });
        expect(submitted.ok).toBe(true);
        if (submitted.ok) record(submitted.value);
        break;
      }
      case 'besluit': {
        const target = claims[cmd.pick % Math.max(1, claims.length)];
        if (target === undefined) break;
        const decided = decide(target, {
          uitkomst: cmd.uitkomst,
          motivering: cmd.motivering ? 'Besproken en gewogen.' : '',
          partijenGeraadpleegd: true,
          overlegInstemming: cmd.instemming,
          at: AT,
        });
        if (decided.ok) {
          expect(target.status).toBe('INGEDIEND');
          if (decided.value.status === 'GOEDGEKEURD' && target.bevindingen.length > 0) {
            expect(decided.value.besluit?.overlegInstemming).toBe(true);
            seen.uitzondering += 1;
          }
          record(decided.value);
        }
        break;
      }
      case 'uitbetalen': {
        const target = claims[cmd.pick % Math.max(1, claims.length)];
        if (target === undefined) break;
        const saldo = balance(entries);
        const paid = payAanvraag(entries, target, AT);
        if (paid.ok) {
          if (paid.value.alreadyPaid) {
            expect(paid.value.entries).toBe(entries);
            seen.alreadyPaid += 1;
          } else {
            seen.paid += 1;
            expect(target.status).toBe('GOEDGEKEURD');
            expect(target.bedragCents).toBeLessThanOrEqual(saldo);
            expectedBalance -= target.bedragCents;
          }
          entries = paid.value.entries;
          record(paid.value.aanvraag);
          if (cmd.twice) {
            const again = payAanvraag(entries, target, AT); // the same stale claim again
            expect(again.ok && again.value.alreadyPaid).toBe(true);
            expect(again.ok && again.value.entries).toBe(entries);
            seen.alreadyPaid += 1;
          }
        } else {
          const whyOk =
            (paid.codes.includes(FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD) && target.status !== 'GOEDGEKEURD') ||
            (paid.codes.includes(FondsErrorCode.SALDO_ONTOEREIKEND) && target.bedragCents > saldo);
          expect(whyOk).toBe(true);
          if (paid.codes.includes(FondsErrorCode.SALDO_ONTOEREIKEND)) seen.saldoTeLaag += 1;
          if (paid.codes.includes(FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD)) seen.nietGoedgekeurd += 1;
        }
        break;
      }
      case 'oude-kopie': {
        const history = versions[cmd.pick % Math.max(1, versions.length)];
        const stale = history?.[cmd.version % history.length];
        if (stale === undefined) break;
        const saldo = balance(entries);
        const paid = applyPayout(entries, stale, AT);
        if (paid.ok && !paid.value.alreadyPaid) {
          expect(stale.status).toBe('GOEDGEKEURD');
          expect(stale.bedragCents).toBeLessThanOrEqual(saldo);
          expectedBalance -= stale.bedragCents;
          entries = paid.value.entries;
        }
        if (paid.ok && paid.value.alreadyPaid) {
          expect(paid.value.entries).toBe(entries);
          seen.staleAlreadyPaid += 1;
        }
        break;
      }
    }

    // invariants after every step (plain loops, one expect each: the ledger grows to thousands of entries)
    const saldo = balance(entries);
    expect(saldo).toBe(expectedBalance);
    expect(saldo).toBe(entries.reduce((a, e) => a + e.cents, 0));
    let running = 0;
    let lowest = 0;
    for (const e of entries) {
      running += e.cents;
      lowest = Math.min(lowest, running);
    }
    expect(lowest).toBe(0); // never negative at any point in history
    const payouts = entries.filter((e) => e.kind === 'UITBETALING');
    expect(new Set(payouts.map((e) => e.claimId)).size).toBe(payouts.length); // never paid twice
    const byId = new Map(claims.map((c) => [c.id, c]));
    const badPayouts = payouts.filter((p) => {
      const c = p.claimId === undefined ? undefined : byId.get(p.claimId);
      return c?.besluit?.uitkomst !== 'GOEDGEKEURD' || p.cents !== -c.bedragCents;
    });
    expect(badPayouts).toEqual([]); // only approved claims, for exactly their amount
    const paidIds = new Set(payouts.map((p) => p.claimId));
    expect(claims.filter((c) => c.status === 'UITBETAALD' && !paidIds.has(c.id))).toEqual([]);
    expect(verifyLedger(entries)).toEqual({ ok: true, value: { saldo: expectedBalance } });
    expect(needsReplenishment(balance(entries))).toBe(balance(entries) < 2_500_000);
  }
}

describe('fund lifecycle', () => {
  it('keeps balance = sum of entries, never negative, never paying a claim twice under random operations (property)', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 80, size: 'max' }), (commands) => {
        run(commands);
      }),
      { numRuns: 200 },
    );
    for (const [path, count] of Object.entries(seen)) expect(count, path).toBeGreaterThan(0);
  }, 60_000);

  it('pays each approved claim exactly once when every claim is approved and paid twice in a row', () => {
    const cmds: Command[] = [
      { t: 'ronde' as const, parties: [...ALLE_DEELNEMERS] },
      ...[0, 1, 2].flatMap((i) => [
        { t: 'indienen' as const, lines: [400_000], borg: 0, negligence: false, discussed: true },
        { t: 'besluit' as const, pick: i, uitkomst: 'GOEDGEKEURD' as const, instemming: false, motivering: true },
        { t: 'uitbetalen' as const, pick: i, twice: true },
        { t: 'oude-kopie' as const, pick: i, version: 1 },
      ]),
    ];
    run(cmds);
    expect(seen.staleAlreadyPaid).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { AANVRAAG_STATUSSEN, type AanvraagStatus } from './aanvraag.js';
import { canTransition, decide, markPaid, type BesluitInvoer } from './decision.js';
import { FondsErrorCode } from './errors.js';
import { applyPayout, type LedgerEntry } from './ledger.js';
import { claim, ledgerOf } from './test-fixtures.js';

const AT = '2024-11-20T10:00:00Z';
const besluit = (overrides: Partial<BesluitInvoer> = {}): BesluitInvoer => ({
  uitkomst: 'GOEDGEKEURD',
  motivering: 'Voldoet aan de voorwaarden van bijlage 3; partijen gehoord.',
  partijenGeraadpleegd: true,
  at: AT,
  ...overrides,
});

const LEGAL: readonly (readonly [AanvraagStatus, AanvraagStatus])[] = [
  ['INGEDIEND', 'GOEDGEKEURD'],
  ['INGEDIEND', 'AFGEWEZEN'],
  ['GOEDGEKEURD', 'UITBETAALD'],
];

describe('decision', () => {
  it.each(AANVRAAG_STATUSSEN.flatMap((from) => AANVRAAG_STATUSSEN.map((to) => ({ from, to }))))(
    'canTransition matches the status machine when moving $from -> $to',
    ({ from, to }) => {
      expect(canTransition(from, to)).toBe(LEGAL.some(([f, t]) => f === from && t === to));
    },
  );

  it('approves and records the decision when a clean claim is approved with motivation', () => {
    const result = decide(claim({ status: 'INGEDIEND' }), besluit({ motivering: '  Terecht.  ' }));
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'GOEDGEKEURD',
        besluit: {
          uitkomst: 'GOEDGEKEURD',
          motivering: 'Terecht.',
          partijenGeraadpleegd: true,
          overlegInstemming: false,
          uitzondering: false,
          at: AT,
        },
      }),
    });
  });

  it('rejects without needing consent when a claim that failed a rule is rejected', () => {
    const result = decide(
      claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] }),
      besluit({ uitkomst: 'AFGEWEZEN', motivering: 'Bedrag niet boven de borg.' }),
    );
    expect(result.ok && result.value.status).toBe('AFGEWEZEN');
    expect(result.ok && result.value.besluit?.uitzondering).toBe(false);
  });

  it('approves as a recorded exception when the overleg consented and a motivation is given', () => {
    const result = decide(
      claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] }),
      besluit({ overlegInstemming: true, motivering: 'Onevenredige gevolgen; overleg stemt in (art. 7.9).' }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.status).toBe('GOEDGEKEURD');
      expect(result.value.besluit).toMatchObject({ uitzondering: true, overlegInstemming: true });
    }
  });

  it.each([
    {
      when: 'a failed claim is approved without the overleg consent',
      c: claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.ERNSTIGE_NALATIGHEID] }),
      d: besluit(),
      codes: [FondsErrorCode.UITZONDERING_ZONDER_INSTEMMING],
    },
    {
      when: 'a failed claim is approved with consent false',
      c: claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG] }),
      d: besluit({ overlegInstemming: false }),
      codes: [FondsErrorCode.UITZONDERING_ZONDER_INSTEMMING],
    },
    {
      when: 'an exception has consent but no motivation',
      c: claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] }),
      d: besluit({ overlegInstemming: true, motivering: '' }),
      codes: [FondsErrorCode.MOTIVERING_ONTBREEKT],
    },
    { when: 'the motivation is blank', c: claim({ status: 'INGEDIEND' }), d: besluit({ motivering: '   ' }), codes: [FondsErrorCode.MOTIVERING_ONTBREEKT] },
    {
      when: 'a rejection has no motivation',
      c: claim({ status: 'INGEDIEND' }),
      d: besluit({ uitkomst: 'AFGEWEZEN', motivering: '' }),
      codes: [FondsErrorCode.MOTIVERING_ONTBREEKT],
    },
    {
      when: 'the parties of the case were not consulted',
      c: claim({ status: 'INGEDIEND' }),
      d: besluit({ partijenGeraadpleegd: false }),
      codes: [FondsErrorCode.PARTIJEN_NIET_GERAADPLEEGD],
    },
    {
      when: 'the motivation holds a phone number',
      c: claim({ status: 'INGEDIEND' }),
      d: besluit({ motivering: 'Gebeld met 06-12345678' }),
      codes: [FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST],
    },
    { when: 'the claim was already approved', c: claim({ status: 'GOEDGEKEURD' }), d: besluit(), codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG] },
    { when: 'the claim was rejected', c: claim({ status: 'AFGEWEZEN' }), d: besluit(), codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG] },
    {
      when: 'the claim was paid and is now rejected',
      c: claim({ status: 'UITBETAALD' }),
      d: besluit({ uitkomst: 'AFGEWEZEN' }),
      codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG],
    },
    {
      when: 'a claim with an incomplete form is approved even with consent',
      c: claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.KOSTENPOSTEN_ONTBREKEN] }),
      d: besluit({ overlegInstemming: true }),
      codes: [FondsErrorCode.KOSTENPOSTEN_ONTBREKEN],
    },
    {
      when: 'everything is wrong at once',
      c: claim({ status: 'AFGEWEZEN', bevindingen: [FondsErrorCode.AL_AANGEVRAAGD] }),
      d: besluit({ motivering: '', partijenGeraadpleegd: false }),
      codes: [
        FondsErrorCode.ONGELDIGE_STATUSOVERGANG,
        FondsErrorCode.MOTIVERING_ONTBREEKT,
        FondsErrorCode.PARTIJEN_NIET_GERAADPLEEGD,
        FondsErrorCode.UITZONDERING_ZONDER_INSTEMMING,
      ],
    },
  ])('refuses $codes when $when', ({ c, d, codes }) => {
    const result = decide(c, d);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual(codes);
  });

  describe('markPaid', () => {
    const approved = claim({ id: 'A-5', status: 'GOEDGEKEURD', bedragCents: 150_000 });
    const paid = applyPayout(ledgerOf(['venlo', 1_000_000]), approved, '2024-12-01T08:00:00Z');
    const ledger: readonly LedgerEntry[] = paid.ok ? paid.value.entries : [];

    it('moves GOEDGEKEURD to UITBETAALD with the payout time when the ledger holds the payout', () => {
      expect(markPaid(approved, ledger)).toEqual({
        ok: true,
        value: { ...approved, status: 'UITBETAALD', uitbetaaldOp: '2024-12-01T08:00:00Z' },
      });
    });

    it.each([
      { when: 'the ledger has no payout', c: approved, entries: ledgerOf(['venlo', 1]), codes: [FondsErrorCode.UITBETALING_NIET_GEBOEKT] },
      { when: 'the payout amount differs', c: { ...approved, bedragCents: 150_001 }, entries: ledger, codes: [FondsErrorCode.UITBETALING_NIET_GEBOEKT] },
      { when: 'the claim is still INGEDIEND', c: { ...approved, status: 'INGEDIEND' as const }, entries: ledger, codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG] },
      { when: 'the claim is already UITBETAALD', c: { ...approved, status: 'UITBETAALD' as const }, entries: ledger, codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG] },
      {
        when: 'the claim was rejected and never paid',
        c: { ...approved, status: 'AFGEWEZEN' as const },
        entries: ledgerOf(['venlo', 1]),
        codes: [FondsErrorCode.ONGELDIGE_STATUSOVERGANG, FondsErrorCode.UITBETALING_NIET_GEBOEKT],
      },
    ])('refuses $codes when $when', ({ c, entries, codes }) => {
      const result = markPaid(c, entries);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.codes).toEqual(codes);
    });
  });
});

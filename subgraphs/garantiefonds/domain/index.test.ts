import { describe, expect, it } from 'vitest';
import * as fonds from './index.js';

describe('index', () => {
  it.each([
    'splitProRata',
    'contributionRound',
    'needsReplenishment',
    'balance',
    'applyBijdragen',
    'applyPayout',
    'verifyLedger',
    'validateAanvraag',
    'submitAanvraag',
    'decide',
    'markPaid',
    'payAanvraag',
    'endFund',
    'refundOnLeaving',
    'FondsErrorCode',
  ])('exports %s when imported from the folder entry', (name) => {
    expect(fonds).toHaveProperty(name);
  });
});

import { describe, expect, it } from 'vitest';
import { zaktOnderAanvulgrens } from './aanvulling.js';

describe('aanvulling', () => {
  it.each([
    { voor: 3_000_000, na: 2_499_999, nodig: true, when: 'the balance drops from above to one cent below € 25.000' },
    { voor: 2_500_000, na: 2_499_999, nodig: true, when: 'the balance drops from exactly € 25.000' },
    { voor: 3_000_000, na: 2_500_000, nodig: false, when: 'the balance lands exactly on € 25.000' },
    { voor: 2_000_000, na: 1_000_000, nodig: false, when: 'the balance was below already (a round is still being paid)' },
    { voor: 0, na: 0, nodig: false, when: 'the fund starts empty' },
    { voor: 2_000_000, na: 3_000_000, nodig: false, when: 'the balance rises' },
  ])('is $nodig when $when', ({ voor, na, nodig }) => {
    expect(zaktOnderAanvulgrens(voor, na)).toBe(nodig);
  });
});

import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data-guard.js';

describe('personal-data-guard', () => {
  it.each([
    { text: 'factuur deurwaarder 2024-311', found: [] },
    { text: 'huurachterstand mrt–okt 2024, € 1.234,56', found: [] },
    { text: 'BSN 111222333', found: ['BSN'] },
    { text: 'bsn: 123.456.782', found: ['BSN'] },
    { text: 'nummer 123456789 (geen geldige elfproef)', found: [] },
    { text: 'nummer 000000000', found: [] },
    { text: 'mail j.jansen@example.nl voor info', found: ['EMAIL'] },
    { text: 'bel 06-12345678', found: ['TELEFOON'] },
    { text: 'bel 077 123 45 67', found: ['TELEFOON'] },
    { text: 'bel +31 6 12345678', found: ['TELEFOON'] },
    { text: 'rekening NL91ABNA0417164300', found: ['IBAN'] },
    { text: 'rekening NL91 ABNA 0417 1643 00', found: ['IBAN'] },
    { text: 'a@b.nl, 111222333', found: ['BSN', 'EMAIL'] },
  ])('finds $found when the text is "$text"', ({ text, found }) => {
    expect(findPersonalData(text)).toEqual(found);
  });
});

/**
 * A heuristic guard for free text that reaches the fund. The Garantiefonds holds no personal data
 * (DESIGN §2: "only fund data … no personal data"), yet a claim form has free-text fields (evidence,
 * evaluation, contact role) where a BSN, e-mail address or phone number can slip in. This finds the
 * obvious, machine-recognisable identifiers; it cannot recognise a name, so it complements, never
 * replaces, the instruction on the form.
 */

export const PERSOONSGEGEVEN_SOORTEN = ['BSN', 'EMAIL', 'TELEFOON', 'IBAN'] as const;
export type PersoonsgegevenSoort = (typeof PERSOONSGEGEVEN_SOORTEN)[number];

/** The Dutch BSN "elfproef": weights 9..2 on the first eight digits, −1 on the last, sum divisible by 11. */
function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * Returns the kinds of identifier that appear in `input` (empty when none), so a caller can refuse to
 * store the text and tell the author what to remove — without echoing the value back. Errs on the
 * side of caution: a 9-digit reference that happens to pass the elfproef (about 1 in 11) or a
 * 10-digit number starting with 0 is reported too; the author then rephrases it.
 */
export function findPersonalData(input: string): readonly PersoonsgegevenSoort[] {
  const found = new Set<PersoonsgegevenSoort>();
  // Removed first, so an account number's digits are not also reported as a phone number.
  const text = input.replace(/\bNL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi, ' ');
  if (text !== input) found.add('IBAN');
  const nineDigitRuns = text.replace(/(\d)[.\s](?=\d)/g, '$1').match(/(?<!\d)\d{9}(?!\d)/g) ?? [];
  if (nineDigitRuns.some(passesElfproef)) found.add('BSN');
  if (/[^\s@]+@[^\s@]+\.[^\s@]{2,}/.test(text)) found.add('EMAIL');
  if (/(?:\+31|0031|(?<!\d)0)[\s-]?(?:\d[\s-]?){8}\d(?!\d)/.test(text)) found.add('TELEFOON');
  return PERSOONSGEGEVEN_SOORTEN.filter((k) => found.has(k));
}

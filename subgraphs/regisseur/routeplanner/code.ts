/**
 * The case's pseudonym: random (never derived from BSN, name or birth date) and short enough to say
 * aloud in the Woonkans-overleg. The alphabet leaves out look- and sound-alikes (0/O, 1/I/L).
 */
import { randomInt, randomUUID } from 'node:crypto';

export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrajectCode(): string {
  let code = '';
  for (let i = 0; i < 5; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `WK-${code}`;
}

/** Opaque random identifier of a case: not personal data, the same for every party. */
export function newId(): string {
  return randomUUID();
}

/**
 * The cursors of the subgraphs' Relay connections: a keyset position (the sort values of the last
 * case on a page, never a case to look up), sealed with AES-256-GCM under a key derived from the
 * federation's key (`SLEUTEL_KEY_FILE`), as base64url of `version | iv | ciphertext | tag`.
 *
 * Why sealed, not only signed: the position holds sort values a caller may not read. `trajecten` sort
 * on the registration moment, which is part of the course of the case (VERLOOP) — a corporation sees
 * the case under its code only — so a readable cursor would be a side channel. The tag makes a
 * tampered or foreign cursor a clear refusal. Tampering would not widen access anyway: every page is
 * filtered by the caller's relation to each case, wherever it starts.
 *
 * The list's name is authenticated with the position, so a cursor of one list never positions another.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ErrorCode, weigering } from '../../../schema/errors.js';

/** The sort values of one row, in the order of the list's keyset. */
export type Positie = readonly (string | number)[];

export interface CursorCodec {
  /** Seals `positie` for `lijst`; every call gives another string (random iv). */
  encode(lijst: string, positie: Positie): string;
  /**
   * Opens a cursor of `lijst` whose position has `lengte` values; anything else — malformed,
   * tampered, of another list or another key — is refused with ONGELDIGE_INVOER naming `veld`.
   */
  decode(lijst: string, cursor: string, lengte: number, veld: string): Positie;
}

const VERSIE = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A position is a few short sort values; far longer input is not one of ours. */
const MAX_LENGTH = 1024;
/** Binds the derived key to this use: the federation key also signs the log's `sleutel`. */
const INFO = 'woonkans-cursor.v1';

function aad(lijst: string): Buffer {
  return Buffer.from(`${VERSIE}:${lijst}`, 'utf8');
}

export function createCursorCodec(federationKey: Uint8Array): CursorCodec {
  const key = Buffer.from(hkdfSync('sha256', federationKey, Buffer.alloc(0), INFO, 32));
  return {
    encode(lijst, positie) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(lijst));
      const sealed = Buffer.concat([cipher.update(JSON.stringify(positie), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSIE), iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },
    decode(lijst, cursor, lengte, veld) {
      const refuse = () =>
        weigering(ErrorCode.ONGELDIGE_INVOER, `${veld}: geen cursor van deze lijst; geef de \`cursor\` of \`endCursor\` van een vorige pagina van dezelfde vraag.`, { veld });
      if (typeof cursor !== 'string' || cursor.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
      const bytes = Buffer.from(cursor, 'base64url');
      if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSIE) throw refuse();
      let value: unknown;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES)).setAAD(aad(lijst));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
        value = JSON.parse(plain.toString('utf8'));
      } catch {
        throw refuse();
      }
      if (!Array.isArray(value) || value.length !== lengte || !value.every((v) => typeof v === 'string' || typeof v === 'number')) throw refuse();
      return value as Positie;
    },
  };
}

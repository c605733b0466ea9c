/**
 * Signed head checkpoints: truncation of the newest rows becomes detectable.
 *
 * The hash chain proves that what is there was not changed, but not that nothing was cut off the
 * end: whoever can bypass the triggers (the tables' owner, a superuser, a restored backup) can
 * delete the newest rows, and the rest is still a perfect chain. So after every committed batch the
 * writer publishes the log's head — last seq and hash of both chains — signed with an Ed25519 key
 * that the database never sees, to a file outside the database (`<dir>/<schema>.json`, replaced
 * atomically). `verify-log` checks the signature and then requires each chain to reach the
 * checkpoint's seq and to carry its hash there: a log behind its checkpoint is reported as
 * "GEBROKEN: afgekapt na seq n"; a chain rewritten up to the checkpoint breaks at that seq.
 *
 * Threat model: see README.md ("Truncation: signed head checkpoints").
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canonicalJson } from './chain.js';
import type { CheckpointHead } from './verify.js';

type Env = Record<string, string | undefined>;

/** What is signed: the log (schema) it speaks of, both chains' heads, and when. */
export interface Checkpoint extends CheckpointHead {
  readonly versie: 1;
  readonly schema: string;
  readonly tijdstip: string;
}

/** As stored: the checkpoint, the signing key's id and the Ed25519 signature (base64url) over its canonical JSON. */
export interface SignedCheckpoint extends Checkpoint {
  readonly sleutel: string;
  readonly handtekening: string;
}

export interface CheckpointSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly id: string;
}

export interface CheckpointVerifyingKey {
  readonly publicKey: KeyObject;
  readonly id: string;
}

/** The key's id: the first 16 hex digits of sha256 over its public key (SPKI, DER). */
function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function content(c: Checkpoint): string {
  return canonicalJson({ versie: c.versie, schema: c.schema, seq: c.seq, hash: c.hash, auditSeq: c.auditSeq, auditHash: c.auditHash, tijdstip: c.tijdstip });
}

export function signCheckpoint(c: Omit<Checkpoint, 'versie'>, key: CheckpointSigningKey): SignedCheckpoint {
  const checkpoint: Checkpoint = { versie: 1, schema: c.schema, seq: c.seq, hash: c.hash, auditSeq: c.auditSeq, auditHash: c.auditHash, tijdstip: c.tijdstip };
  const handtekening = sign(null, Buffer.from(content(checkpoint), 'utf8'), key.privateKey).toString('base64url');
  return { ...checkpoint, sleutel: key.id, handtekening };
}

/** The checkpoint if its signature holds for `key` and it speaks of `schema`; throws otherwise. */
export function verifyCheckpoint(value: unknown, schema: string, key: CheckpointVerifyingKey): CheckpointHead {
  const c = value as Partial<SignedCheckpoint> | null;
  const isSeq = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  const isHash = (h: unknown): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);
  if (!c || c.versie !== 1 || !isSeq(c.seq) || !isSeq(c.auditSeq) || !isHash(c.hash) || !isHash(c.auditHash) || typeof c.tijdstip !== 'string' || typeof c.handtekening !== 'string') {
    throw new Error('controlepunt onleesbaar');
  }
  if (c.schema !== schema) throw new Error(`controlepunt is van logboek ${String(c.schema)}, niet van ${schema}`);
  if (c.sleutel !== key.id) throw new Error(`controlepunt is getekend met sleutel ${String(c.sleutel)}, niet met ${key.id}`);
  const ok = verify(null, Buffer.from(content(c as Checkpoint), 'utf8'), key.publicKey, Buffer.from(c.handtekening, 'base64url'));
  if (!ok) throw new Error('handtekening van het controlepunt klopt niet');
  return { seq: c.seq, hash: c.hash, auditSeq: c.auditSeq, auditHash: c.auditHash };
}

export const checkpointFile = (dir: string, schema: string) => join(dir, `${schema}.json`);

/**
 * The newest checkpoint of `schema` in `dir`, verified; null when none was ever written there.
 * A file that is there but does not verify throws: it is no absence but a forgery or damage.
 */
export async function readCheckpoint(dir: string, schema: string, key: CheckpointVerifyingKey): Promise<CheckpointHead | null> {
  let text: string;
  try {
    text = await readFile(checkpointFile(dir, schema), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('controlepunt onleesbaar');
  }
  return verifyCheckpoint(value, schema, key);
}

export interface CheckpointPublisherOptions {
  readonly dir: string;
  readonly schema: string;
  readonly key: CheckpointSigningKey;
  readonly now?: () => Date;
}

/** Publishes a head: signed, written beside the target and renamed over it (readers never see half a file). */
export type CheckpointPublisher = (head: CheckpointHead) => Promise<void>;

/**
 * One publisher per log and process. Publications are serialised and never go back: a head at or
 * below the last one published (by this process, or found in the file from another replica) is
 * skipped, so the file only moves forward.
 */
export function createCheckpointPublisher(options: CheckpointPublisherOptions): CheckpointPublisher {
  const { dir, schema, key } = options;
  const now = options.now ?? (() => new Date());
  const file = checkpointFile(dir, schema);
  let published = -1;
  let publishedAudit = -1;
  let tail: Promise<void> = Promise.resolve();
  let n = 0;
  const publish = async (head: CheckpointHead): Promise<void> => {
    if (head.seq <= published && head.auditSeq <= publishedAudit) return;
    const existing = await readCheckpoint(dir, schema, key).catch(() => null);
    if (existing && existing.seq >= head.seq && existing.auditSeq >= head.auditSeq) {
      published = existing.seq;
      publishedAudit = existing.auditSeq;
      return;
    }
    const signed = signCheckpoint({ schema, ...head, tijdstip: now().toISOString() }, key);
    await mkdir(dir, { recursive: true });
    n += 1;
    const tmp = `${file}.${process.pid}.${n}.tmp`;
    await writeFile(tmp, `${JSON.stringify(signed)}\n`, { mode: 0o644 });
    await rename(tmp, file);
    published = head.seq;
    publishedAudit = head.auditSeq;
  };
  return (head) => {
    const next = tail.then(() => publish(head));
    tail = next.catch(() => {});
    return next;
  };
}

/** The key file: JSON `{ "privateKey": "<PKCS#8 PEM>", "publicKey": "<SPKI PEM>" }`; a verifier needs only `publicKey`. */
interface KeyFile {
  readonly privateKey?: unknown;
  readonly publicKey?: unknown;
}

async function readKeyFile(file: string): Promise<KeyFile> {
  return JSON.parse(await readFile(file, 'utf8')) as KeyFile;
}

export async function loadCheckpointSigningKey(file: string): Promise<CheckpointSigningKey> {
  const { privateKey } = await readKeyFile(file);
  if (typeof privateKey !== 'string') throw new TypeError(`${file}: "privateKey" (PKCS#8 PEM, Ed25519) ontbreekt`);
  const key = createPrivateKey(privateKey);
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`${file}: de sleutel moet Ed25519 zijn`);
  const publicKey = createPublicKey(key);
  return { privateKey: key, publicKey, id: keyId(publicKey) };
}

/** For `verify-log`: the public key alone suffices (the file may hold only `publicKey`). */
export async function loadCheckpointVerifyingKey(file: string): Promise<CheckpointVerifyingKey> {
  const { privateKey, publicKey } = await readKeyFile(file);
  const key =
    typeof publicKey === 'string'
      ? createPublicKey(publicKey)
      : typeof privateKey === 'string'
        ? createPublicKey(createPrivateKey(privateKey))
        : undefined;
  if (!key || key.asymmetricKeyType !== 'ed25519') throw new TypeError(`${file}: "publicKey" (SPKI PEM, Ed25519) ontbreekt`);
  return { publicKey: key, id: keyId(key) };
}

/** DEVELOPMENT ONLY: the demo's key, created (mode 0600) at first start, like the demo's other keys. */
export async function loadOrCreateDevCheckpointKey(file: string): Promise<CheckpointSigningKey> {
  try {
    return await loadCheckpointSigningKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return writeCheckpointKey(file, 'DEVELOPMENT KEY generated by Woonkans Gateway at first start. Never use in production.');
}

/** Writes a new Ed25519 key pair to `file` (mode 0600, never over an existing file) and returns it. */
export async function writeCheckpointKey(file: string, note: string): Promise<CheckpointSigningKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(
    file,
    JSON.stringify(
      { note, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }), publicKey: publicKey.export({ type: 'spki', format: 'pem' }) },
      null,
      2,
    ),
    { mode: 0o600, flag: 'wx' },
  );
  return { privateKey, publicKey, id: keyId(publicKey) };
}

/** Where checkpoints go and which key signs them: both from the environment, or neither. */
export interface CheckpointConfig {
  readonly dir: string;
  readonly keyFile: string;
}

/**
 * `LOGBOEK_CONTROLEPUNT_DIR` and `LOGBOEK_CONTROLEPUNT_KEY_FILE`, for a service or for `verify-log`.
 * With `demoDataDir` (the demo's data folder) missing values default to a folder and a key there;
 * otherwise neither set means no checkpoints, and one without the other is a configuration error.
 */
export function checkpointConfigFromEnv(env: Env, demoDataDir?: string): CheckpointConfig | undefined {
  const dir = env['LOGBOEK_CONTROLEPUNT_DIR'] || (demoDataDir ? `${demoDataDir}/logboek-controlepunten` : undefined);
  const keyFile = env['LOGBOEK_CONTROLEPUNT_KEY_FILE'] || (demoDataDir ? `${demoDataDir}/dev-controlepunt/ed25519-key.json` : undefined);
  if (!dir && !keyFile) return undefined;
  if (!dir || !keyFile) {
    throw new TypeError('LOGBOEK_CONTROLEPUNT_DIR en LOGBOEK_CONTROLEPUNT_KEY_FILE horen bij elkaar: de map voor de controlepunten en de sleutel die ze tekent');
  }
  return { dir, keyFile };
}

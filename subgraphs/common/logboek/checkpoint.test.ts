/**
 * Signed head checkpoints: the writer publishes the head of both chains after every batch, outside
 * the database; deleting the newest rows (as the tables' owner, bypassing the triggers) is then
 * reported as "afgekapt na seq n", a chain rewritten from scratch breaks at the checkpoint's seq, and
 * a forged or foreign checkpoint is refused rather than believed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessLogWriter } from '../access-log.js';
import { GENESIS_HASH, linkRows } from './chain.js';
import {
  checkpointConfigFromEnv,
  checkpointFile,
  createCheckpointPublisher,
  loadCheckpointSigningKey,
  loadCheckpointVerifyingKey,
  loadOrCreateDevCheckpointKey,
  readCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  type CheckpointSigningKey,
} from './checkpoint.js';
import { allowed, field, meta } from './fixtures.js';
import { sealSegment } from './segments.js';
import { testVariants, type TestDatabase } from './testing.js';
import { formatOutcome, verifyLogs } from './verify-report.js';
import { createLogboekWriter } from './writer.js';

const naam = field('Inwoner.naam');
const hash = (c: string) => c.repeat(64);
let dir: string;
let key: CheckpointSigningKey;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'logboek-controlepunt-'));
  key = await loadOrCreateDevCheckpointKey(join(dir, 'sleutel', 'ed25519-key.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkpoint signatures and keys', () => {
  const head = { seq: 7, hash: hash('a'), auditSeq: 3, auditHash: hash('b') };

  it('verifies what it signed, and nothing changed, of another log or under another key', async () => {
    const signed = signCheckpoint({ schema: 'gemeente', ...head, tijdstip: '2026-12-02T10:00:00.000Z' }, key);
    expect(verifyCheckpoint(signed, 'gemeente', key)).toEqual(head);
    expect(() => verifyCheckpoint({ ...signed, seq: 5 }, 'gemeente', key)).toThrow(/handtekening/);
    expect(() => verifyCheckpoint({ ...signed, auditHash: hash('c') }, 'gemeente', key)).toThrow(/handtekening/);
    expect(() => verifyCheckpoint(signed, 'corporatie', key)).toThrow(/logboek gemeente/);
    const other = await loadOrCreateDevCheckpointKey(join(dir, 'ander.json'));
    expect(() => verifyCheckpoint(signed, 'gemeente', other)).toThrow(/sleutel/);
    // Same id, another key: the signature itself decides.
    expect(() => verifyCheckpoint({ ...signed, handtekening: signCheckpoint({ schema: 'gemeente', ...head, tijdstip: 'x' }, other).handtekening }, 'gemeente', key)).toThrow(/handtekening/);
    expect(() => verifyCheckpoint({ seq: 1 }, 'gemeente', key)).toThrow(/onleesbaar/);
  });

  it('makes a development key once (mode 0600), reloads it, and verifies with the public key alone', async () => {
    const file = join(dir, 'sleutel', 'ed25519-key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await loadOrCreateDevCheckpointKey(file)).id).toBe(key.id);
    expect((await loadCheckpointSigningKey(file)).id).toBe(key.id);
    const { publicKey } = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string };
    writeFileSync(join(dir, 'publiek.json'), JSON.stringify({ publicKey }));
    const verifier = await loadCheckpointVerifyingKey(join(dir, 'publiek.json'));
    expect(verifier.id).toBe(key.id);
    await expect(loadCheckpointSigningKey(join(dir, 'publiek.json'))).rejects.toThrow(/privateKey/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(join(dir, 'rsa.json'), JSON.stringify({ privateKey: rsa }));
    await expect(loadCheckpointSigningKey(join(dir, 'rsa.json'))).rejects.toThrow(/Ed25519/);
  });

  it('publishes atomically and only forward', async () => {
    const publish = createCheckpointPublisher({ dir: join(dir, 'cp'), schema: 'gemeente', key });
    expect(await readCheckpoint(join(dir, 'cp'), 'gemeente', key)).toBeNull();
    await Promise.all([publish(head), publish({ ...head, seq: 9, auditSeq: 4 }), publish({ ...head, seq: 8 })]);
    expect(await readCheckpoint(join(dir, 'cp'), 'gemeente', key)).toMatchObject({ seq: 9, auditSeq: 4 });
    // Another replica that lags behind does not move the file back either.
    await createCheckpointPublisher({ dir: join(dir, 'cp'), schema: 'gemeente', key })(head);
    expect(await readCheckpoint(join(dir, 'cp'), 'gemeente', key)).toMatchObject({ seq: 9 });
  });

  it('reads its configuration as a pair, with the demo\'s defaults in its data folder', () => {
    expect(checkpointConfigFromEnv({})).toBeUndefined();
    expect(checkpointConfigFromEnv({}, '/d')).toEqual({ dir: '/d/logboek-controlepunten', keyFile: '/d/dev-controlepunt/ed25519-key.json' });
    expect(checkpointConfigFromEnv({ LOGBOEK_CONTROLEPUNT_DIR: '/c', LOGBOEK_CONTROLEPUNT_KEY_FILE: '/k.json' })).toEqual({ dir: '/c', keyFile: '/k.json' });
    expect(() => checkpointConfigFromEnv({ LOGBOEK_CONTROLEPUNT_DIR: '/c' })).toThrow(/horen bij elkaar/);
  });
});

describe.each(testVariants())('truncation on $name', { timeout: 60_000 }, (variant) => {
  let t: TestDatabase;
  let write: AccessLogWriter;
  afterEach(async () => {
    await t?.drop();
  });
  afterAll(() => variant.dispose());
  const it_ = it.skipIf(variant.skip);
  const cpDir = () => join(dir, 'controlepunten');
  const open = async () => {
    t = await variant.open();
    write = createLogboekWriter({
      db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables,
      checkpoint: createCheckpointPublisher({ dir: cpDir(), schema: t.schema, key }),
    });
  };
  const report = async () => {
    const [outcome] = await verifyLogs([{ subgraph: 'gemeente', db: t.db, schema: t.schema, tables: t.tables, checkpoint: () => readCheckpoint(cpDir(), t.schema, key) }]);
    return outcome!;
  };
  /** As the database superuser/owner: the triggers off, the statement, the triggers on. */
  const asOwner = async (statement: string) => {
    for (const table of ['verwerkingen', 'audit']) await t.query(`alter table "${t.schema}"."${table}" disable trigger user`);
    try {
      await t.query(statement);
    } finally {
      for (const table of ['verwerkingen', 'audit']) await t.query(`alter table "${t.schema}"."${table}" enable trigger user`);
    }
  };

  it_('publishes the head of both chains after every batch, and an intact log reaches it', async () => {
    await open();
    for (let i = 0; i < 4; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam), allowed(`t-${i}`, `q-${i}`, naam)], meta());
    const [last] = await t.db.select().from(t.tables.verwerkingen).orderBy(asc(t.tables.verwerkingen.seq)).offset(7);
    expect(await readCheckpoint(cpDir(), t.schema, key)).toEqual({ seq: 8, hash: last!.hash, auditSeq: 4, auditHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const outcome = await report();
    expect(outcome).toEqual({ subgraph: 'gemeente', status: 'ok', checked: 8, audit: { checked: 4, ongeketend: 0 }, controlepunt: 8 });
    expect(formatOutcome(outcome)).toBe('gemeente: ok, 8 rijen gecontroleerd, 4 auditrijen gecontroleerd, reikt tot het controlepunt (seq 8)');
  });

  it_('reports the newest rows deleted after the last seal as "afgekapt na seq n"', async () => {
    await open();
    for (let i = 0; i < 3; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    await sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    for (let i = 3; i < 6; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    // Without a checkpoint, what remains is a perfect chain: this is the gap being closed.
    await asOwner(`delete from "${t.schema}"."verwerkingen" where seq > 4`);
    const [plain] = await verifyLogs([{ subgraph: 'gemeente', db: t.db, schema: t.schema, tables: t.tables }]);
    expect(plain!.status).toBe('ok');
    const outcome = await report();
    expect(outcome).toMatchObject({ status: 'gebroken', afgekaptNa: 4, brokenAt: 5 });
    expect(formatOutcome(outcome)).toMatch(/^gemeente: GEBROKEN: afgekapt na seq 4 \(/);
  });

  it_('reports cut-off audit rows too, and a log emptied of every row', async () => {
    await open();
    for (let i = 0; i < 3; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    await asOwner(`delete from "${t.schema}"."audit" where seq = 3`);
    const audit = await report();
    expect(audit).toMatchObject({ status: 'gebroken', keten: 'audit', afgekaptNa: 2 });
    expect(formatOutcome(audit)).toMatch(/^gemeente: GEBROKEN: audit afgekapt na seq 2 \(/);
    await asOwner(`delete from "${t.schema}"."verwerkingen"`);
    expect(formatOutcome(await report())).toMatch(/^gemeente: GEBROKEN: afgekapt na seq 0 \(/);
  });

  it_('finds a chain rewritten from genesis at the checkpoint\'s seq, though every link holds', async () => {
    await open();
    for (let i = 0; i < 3; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    const rows = await t.db.select().from(t.tables.verwerkingen).orderBy(asc(t.tables.verwerkingen.seq));
    const forged = linkRows(GENESIS_HASH, rows.map(({ id: _i, vorigeHash: _v, hash: _h, ...r }) => ({ ...r, organisatie: 'vervalst' })));
    for (const r of forged) {
      await asOwner(`update "${t.schema}"."verwerkingen" set organisatie = 'vervalst', vorige_hash = '${r.vorigeHash}', hash = '${r.hash}' where seq = ${r.seq}`);
    }
    expect(await report()).toMatchObject({ status: 'gebroken', brokenAt: 3, reason: 'hash differs from the signed checkpoint' });
  });

  it_('refuses a forged checkpoint instead of believing it', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    const file = checkpointFile(cpDir(), t.schema);
    const signed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...signed, seq: 0 }));
    const outcome = await report();
    expect(outcome).toMatchObject({ status: 'gebroken', reason: expect.stringMatching(/^controlepunt ongeldig: handtekening/) });
    expect(formatOutcome(outcome)).toMatch(/^gemeente: GEBROKEN: controlepunt ongeldig/);
  });

  it_('does not fail a batch whose checkpoint cannot be published: the records are committed, the failure reported', async () => {
    t = await variant.open();
    const errors: unknown[] = [];
    const failing = createLogboekWriter({
      db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables,
      checkpoint: async () => { throw new Error('schijf vol'); },
      onCheckpointError: (e) => void errors.push(e),
    });
    await failing([allowed('t-1', 'p-1', naam)], meta());
    expect(errors).toHaveLength(1);
    expect(await t.query(`select seq from "${t.schema}"."verwerkingen"`)).toHaveLength(1);
  });
});

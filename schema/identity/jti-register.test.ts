import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { randomBytes, randomUUID } from 'node:crypto';
import { openGatewayDatabase } from '../../gateway/database.js';
import { tokenJti } from '../../gateway/db/tables.js';
import type { Database } from '../../subgraphs/common/database.js';
import { cachedJtiRegister, postgresJtiRegister, type JtiRegister } from './jti-register.js';

/**
 * The register on the gateway's real migration, on PGlite and — with TEST_DATABASE_URL — on a
 * PostgreSQL server, where two connections stand in for two replicas of one service.
 */
const server = process.env['TEST_DATABASE_URL'];
let replicas: Database[] = [];
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (server) {
    const name = `woonkans_jti_${randomBytes(6).toString('hex')}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    replicas = [await openGatewayDatabase({ url: url.toString() }), await openGatewayDatabase({ url: url.toString() })];
    drop = async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const one = await openGatewayDatabase({});
    replicas = [one, one];
  }
});
afterAll(async () => {
  await Promise.allSettled([...new Set(replicas)].map((r) => r.close()));
  await drop?.();
});

const later = (ms: number) => new Date(Date.now() + ms);

describe(`token register (${server ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('binds a jti to the first token, across replicas, also when both race', async () => {
    const [a, b] = replicas.map((r) => postgresJtiRegister(r.db, tokenJti)) as [JtiRegister, JtiRegister];
    const jti = randomUUID();
    const answers = await Promise.all([a(jti, 'eerste', later(60_000)), b(jti, 'tweede', later(60_000))]);
    expect(answers[0]).toBe(answers[1]);
    const winner = answers[0];
    expect(await a(jti, winner, later(60_000))).toBe(winner);
    expect(await b(jti, winner === 'eerste' ? 'tweede' : 'eerste', later(60_000))).toBe(winner);
  });

  it('deletes expired rows, so a jti is free again once its token could no longer be used', async () => {
    let now = Date.now();
    const register = postgresJtiRegister(replicas[0]!.db, tokenJti, { now: () => now, pruneEveryMs: 0 });
    const old = randomUUID();
    await register(old, 'oud', new Date(now + 1000));
    now += 2000;
    await register(randomUUID(), 'nieuw', new Date(now + 60_000));
    expect(await register(old, 'ander', new Date(now + 60_000))).toBe('ander');
  });

  it('answers a session’s later requests from memory, and never caches a refusal', async () => {
    let calls = 0;
    const inner: JtiRegister = async (jti, fingerprint) => {
      calls++;
      return jti === 'bezet' ? 'iemand-anders' : fingerprint;
    };
    const cached = cachedJtiRegister(inner);
    for (let i = 0; i < 3; i++) expect(await cached('sessie', 'f', later(60_000))).toBe('f');
    expect(calls).toBe(1);
    await cached('bezet', 'f', later(60_000));
    await cached('bezet', 'f', later(60_000));
    expect(calls).toBe(3);
  });
});

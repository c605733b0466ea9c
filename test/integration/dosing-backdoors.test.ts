/**
 * Every way around the dosing we could think of, each shut: `_entities` straight to a subgraph,
 * aliases, fragments, variables and HTTP batching, probing whether a case exists, a corporation's
 * list, losing access once another corporation is matched, forged tokens at the gateway and at every
 * subgraph, the policy-context endpoint, no raw copies in the regisseur's tables after a full case,
 * and — last, because it stops the regisseur — failing closed when the policy context is unreachable.
 */
import { sql } from 'drizzle-orm';
import { SignJWT, base64url, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevKeys, type DevKeys } from '../../gateway/dev-issuer/keys.js';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog.js';
import type { Db } from '../../subgraphs/common/database.js';
import { buildDosingCases, seedDosingCases, type DosingCase } from '../helpers/dosing-fixtures.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { REGISSEUR_NL, WOONWENZ, toBemiddeling, toCorporatiegesprek, toGehuisvest, toHuurovereenkomst, type WalkedCase } from '../helpers/walk.js';

let fed: TestFederation;
let keys: DevKeys;
const CASES = buildDosingCases([
  { fase: 'MELDING', staat: 'GELDIG' },
  { fase: 'BEMIDDELING', staat: 'GELDIG' },
  { fase: 'CORPORATIEGESPREK', staat: 'GELDIG' },
  { fase: 'HUUROVEREENKOMST', staat: 'GELDIG' },
  { fase: 'GEHUISVEST', staat: 'GELDIG' },
  { fase: 'AFGESLOTEN', staat: 'GELDIG' },
]);
const byFase = (fase: string): DosingCase => CASES.find((c) => c.fase === fase)!;

beforeAll(async () => {
  keys = (await generateDevKeys()).keys;
  fed = await startTestFederation({ devKeys: keys });
  await seedDosingCases(fed, CASES);
});
afterAll(async () => {
  await fed?.stop();
});

const VENLO: Persona = { partij: 'GEMEENTE', gemeente: 'venlo', sub: 'wmo-venlo' };
const ANTARES: Persona = { partij: 'CORPORATIE', organisatie: 'antares', sub: 'antares-1' };
const DESTION: Persona = { partij: 'CORPORATIE', organisatie: 'destion', sub: 'destion-1' };
const VVG: Persona = { partij: 'ZORGAANBIEDER', organisatie: 'vincent-van-gogh', sub: 'vvg-1' };

/** None of the case's personal values, nor its code, appears in `text`. */
function expectNothingOf(c: DosingCase, text: string, also: readonly string[] = []) {
  for (const s of c.secrets) expect(text.includes(s.value), `${s.coordinate} of ${c.key}`).toBe(false);
  for (const x of also) expect(text.includes(x), x).toBe(false);
}

async function raw(url: string, token: string | null, body: unknown): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

const ENTITY_SELECTIONS: Record<SubgraphName, string> = {
  gemeente: 'inwoner { naam adres bsn geboortedatum gezondheid } melding { toelichting zorgaanbieder } onderzoek { doelgroepToelichting } documenten { inhoud } ondersteuningsplan { doelen }',
  regisseur: 'code fase bemiddelingsprofiel { conclusie bejegeningsadvies } plaatsing { corporatie } uitkomst { toelichting } toestemmingen { id }',
  corporatie: 'woningaanbod { omschrijving } huurovereenkomst { adresWoning } evaluaties { bevindingen }',
  garantiefonds: 'garantieaanvragen { id bedragCent evaluatie }',
};
const entities = (name: SubgraphName) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Traject { ${ENTITY_SELECTIONS[name]} } } }`;
const reps = (ids: readonly string[]) => ({ r: ids.map((id) => ({ __typename: 'Traject', id })) });

describe('_entities sent straight to a subgraph', () => {
  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s: gives a corporation nothing of cases it was never selected for, exactly as for unknown ids', async (name) => {
    const ids = CASES.map((c) => c.ctx.trajectId);
    const token = await fed.token(ANTARES);
    const fakes = ids.map(() => randomUUID());
    const real = await raw(fed.subgraphs[name].url, token, { query: entities(name), variables: reps(ids) });
    const fake = await raw(fed.subgraphs[name].url, token, { query: entities(name), variables: reps(fakes) });
    expect(real.status).toBe(200);
    for (const c of CASES) expectNothingOf(c, real.text, [c.code]);
    // A refusal names the id the caller sent (so a partner can attribute it); beyond that echo, byte for byte the same.
    const echo = (text: string, sent: string[]) => sent.reduce((t, id, i) => t.replaceAll(id, `ID${i}`), text);
    expect(echo(real.text, ids)).toBe(echo(fake.text, fakes));
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s: answers without a token with 401 UNAUTHENTICATED and no data', async (name) => {
    const res = await raw(fed.subgraphs[name].url, null, { query: entities(name), variables: reps([byFase('GEHUISVEST').ctx.trajectId]) });
    expect(res.status).toBe(401);
    expect(res.json.data ?? null).toBeNull();
    expect(res.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expectNothingOf(byFase('GEHUISVEST'), res.text);
  });
});

describe('shapes of operations do not open anything', () => {
  const cg = () => byFase('CORPORATIEGESPREK');

  it('refuses identity to a selected corporation through aliases, fragments, inline fragments, @include and variables', async () => {
    const res = await fed.gql(
      DESTION,
      `query($id: ID!, $ja: Boolean!) {
        a: traject(id: $id) { inwoner { x: naam y: adres ...F ... on Inwoner { z: telefoon } bsn @include(if: $ja) } bemiddelingsprofiel { conclusie } }
        b: traject(id: $id) { inwoner { ... on Inwoner { ... on Inwoner { naam } } } }
      }
      fragment F on Inwoner { email geboortedatum }`,
      { id: cg().ctx.trajectId, ja: true },
    );
    expect(res.status).toBe(200);
    expectNothingOf(cg(), JSON.stringify(res).replace(String((cg().view['bemiddelingsprofiel'] as Record<string, unknown>)['conclusie']), ''));
    expect((res.data as any).a.bemiddelingsprofiel.conclusie).toBe((cg().view['bemiddelingsprofiel'] as Record<string, unknown>)['conclusie']);
    expect(new Set(res.errors?.map((e) => `${e.extensions?.['veld']} ${e.extensions?.['reden']}`))).toEqual(
      new Set(['Inwoner.naam FASE', 'Inwoner.adres FASE', 'Inwoner.telefoon FASE', 'Inwoner.email FASE', 'Inwoner.geboortedatum FASE', 'Inwoner.bsn FASE']),
    );
  });

  it('doses every operation of an HTTP batch (an array body) on its own', async () => {
    const id = cg().ctx.trajectId;
    const res = await raw(`${fed.gatewayUrl}/graphql`, await fed.token(DESTION), [
      { query: `query($id: ID!) { traject(id: $id) { bemiddelingsprofiel { woonsituatie } } }`, variables: { id } },
      { query: `query($id: ID!) { traject(id: $id) { inwoner { n: naam } } }`, variables: { id } },
      // A field a corporation never sees in any phase: refused before anything runs.
      { query: `query($id: ID!) { traject(id: $id) { inwoner { opleiding gezondheid } } }`, variables: { id } },
    ]);
    expect(Array.isArray(res.json)).toBe(true);
    expect(res.json).toHaveLength(3);
    expect(res.json[0].data.traject.bemiddelingsprofiel.woonsituatie).toBe((cg().view['bemiddelingsprofiel'] as Record<string, unknown>)['woonsituatie']);
    expect(res.json[1].errors.map((e: any) => e.extensions.reden)).toEqual(['FASE']);
    expect(res.json[2].data ?? undefined).toBeUndefined();
    expect(res.json[2].errors.map((e: any) => `${e.extensions.code} ${e.extensions.reden} ${e.extensions.veld}`)).toEqual(['DOSERING_GEWEIGERD PARTIJ Inwoner.opleiding']);
    expectNothingOf(cg(), res.text.replace(String((cg().view['bemiddelingsprofiel'] as Record<string, unknown>)['woonsituatie']), ''));
  });
});

describe('a case without relation is indistinguishable from no case', () => {
  const probes: [string, Persona, string][] = [
    ['a corporation never selected', ANTARES, 'CORPORATIEGESPREK'],
    ['a selected corporation after another was matched', DESTION, 'HUUROVEREENKOMST'],
    ['another gemeente', { partij: 'GEMEENTE', gemeente: 'venray', sub: 'wmo-venray' }, 'GEHUISVEST'],
    ['the regisseur of the other region', { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG', sub: 'r-ml' }, 'BEMIDDELING'],
    ['the regisseur before the hand-over', REGISSEUR_NL, 'MELDING'],
    ['another resident', { partij: 'INWONER', sub: 'inwoner-ander' }, 'GEHUISVEST'],
    ['a care provider without link', { partij: 'ZORGAANBIEDER', organisatie: 'moveoo', sub: 'moveoo-1' }, 'GEHUISVEST'],
    ['the fund before housing', { partij: 'GARANTIEFONDS', sub: 'mgr-1' }, 'CORPORATIEGESPREK'],
    ['the Werkgroep', { partij: 'WERKGROEP', sub: 'wg-1' }, 'GEHUISVEST'],
    ['Toezicht', { partij: 'TOEZICHT', sub: 'fg-1' }, 'GEHUISVEST'],
  ];

  it.each(probes)('traject(id) and trajectOpCode(code) answer %s byte for byte as for an unknown case', async (_n, persona, fase) => {
    const c = byFase(fase);
    const token = await fed.token(persona);
    const ask = (query: string, variables: Record<string, string>) => raw(`${fed.gatewayUrl}/graphql`, token, { query, variables });
    const byId = `query($id: ID!) { traject(id: $id) { id code fase gemeente } }`;
    const unknownId = randomUUID();
    const real = await ask(byId, { id: c.ctx.trajectId });
    const none = await ask(byId, { id: unknownId });
    expect(real.text.replaceAll(c.ctx.trajectId, 'ID')).toBe(none.text.replaceAll(unknownId, 'ID'));
    // The Werkgroep and Toezicht may never know of a case: they cannot even ask (a static refusal,
    // the same for every id); everyone else gets null, exactly as for an unknown id.
    if (persona.partij === 'WERKGROEP' || persona.partij === 'TOEZICHT') {
      expect(real.json.errors.map((e: { extensions: { reden: string } }) => e.extensions.reden)).toContain('PARTIJ');
      expect(real.json.data).toBeUndefined();
    } else {
      expect(real.json).toEqual({ data: { traject: null } });
    }
    const byCode = `query($code: String!) { trajectOpCode(code: $code) { id code } }`;
    const realCode = await ask(byCode, { code: c.code });
    const noneCode = await ask(byCode, { code: 'WK-ZZZZZ' });
    expect(realCode.text.replaceAll(c.code, 'CODE')).toBe(noneCode.text.replaceAll('WK-ZZZZZ', 'CODE'));
    expectNothingOf(c, real.text + realCode.text, [c.code]);
  });

  it('never lists a case in a corporation\'s trajecten it was not selected for, or lost after the match', async () => {
    const ids = async (p: Persona) => ((await fed.gql(p, `{ trajecten(eerste: 500) { id } }`)).data as any).trajecten.map((t: { id: string }) => t.id) as string[];
    const seeded = new Set(CASES.map((c) => c.ctx.trajectId));
    expect((await ids(ANTARES)).filter((id) => seeded.has(id))).toEqual([]);
    expect((await ids(DESTION)).filter((id) => seeded.has(id))).toEqual([byFase('CORPORATIEGESPREK').ctx.trajectId]);
  });
});

describe('forged and broken tokens', () => {
  const persona = { partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' };
  const sign = async (key: CryptoKey | Uint8Array, header: { alg: string; kid?: string }, claims: Record<string, unknown> = persona, exp = '1h') =>
    new SignJWT(claims).setProtectedHeader({ ...header, typ: 'JWT' }).setSubject('aanvaller').setJti(randomUUID()).setIssuer(fed.config.auth.issuer).setAudience(fed.config.auth.audience).setIssuedAt().setExpirationTime(exp).sign(key);
  const forged: Record<string, () => Promise<string>> = {
    'signed with a freshly generated ES256 key (real kid)': async () => sign((await generateKeyPair('ES256')).privateKey, { alg: 'ES256', kid: keys.kid }),
    'signed with a freshly generated ES256 key (unknown kid)': async () => sign((await generateKeyPair('ES256')).privateKey, { alg: 'ES256', kid: `kid-${randomUUID()}` }),
    'alg none': async () => {
      const now = Math.floor(Date.now() / 1000);
      const enc = (o: object) => base64url.encode(JSON.stringify(o));
      return `${enc({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${enc({ ...persona, sub: 'aanvaller', iss: fed.config.auth.issuer, aud: fed.config.auth.audience, iat: now, exp: now + 3600, jti: randomUUID() })}.`;
    },
    'HS256 with the public JWK as secret': async () => sign(new TextEncoder().encode(JSON.stringify(keys.publicJwk)), { alg: 'HS256', kid: keys.kid }),
    expired: async () =>
      new SignJWT(persona).setProtectedHeader({ alg: 'ES256', kid: keys.kid }).setSubject('x').setJti(randomUUID()).setIssuer(fed.config.auth.issuer).setAudience(fed.config.auth.audience).setIssuedAt(Math.floor(Date.now() / 1000) - 1200).setExpirationTime(Math.floor(Date.now() / 1000) - 120).sign(keys.privateKey),
    'wrong audience': async () => new SignJWT(persona).setProtectedHeader({ alg: 'ES256', kid: keys.kid }).setSubject('x').setJti(randomUUID()).setIssuer(fed.config.auth.issuer).setAudience('een-andere-dienst').setIssuedAt().setExpirationTime('1h').sign(keys.privateKey),
    'wrong issuer': async () => new SignJWT(persona).setProtectedHeader({ alg: 'ES256', kid: keys.kid }).setSubject('x').setJti(randomUUID()).setIssuer('https://aanvaller.example/issuer').setAudience(fed.config.auth.audience).setIssuedAt().setExpirationTime('1h').sign(keys.privateKey),
    'missing partij claim': async () => sign(keys.privateKey, { alg: 'ES256', kid: keys.kid }, { organisatie: 'gemeente-venlo', gemeente: 'venlo' }),
  };

  it('accepts a correctly signed token of the same shape (the forgeries differ only in what they forge)', async () => {
    const genuine = await sign(keys.privateKey, { alg: 'ES256', kid: keys.kid });
    const res = await raw(`${fed.gatewayUrl}/graphql`, genuine, { query: `query($id: ID!) { traject(id: $id) { inwoner { naam } } }`, variables: { id: byFase('GEHUISVEST').ctx.trajectId } });
    expect(res.status).toBe(200);
    expect(res.json.data.traject.inwoner.naam).toBe((byFase('GEHUISVEST').view['inwoner'] as Record<string, unknown>)['naam']);
  });

  it.each(Object.keys(forged).map((k) => [k]))('%s: 401 UNAUTHENTICATED from the gateway, every subgraph and the policy-context endpoint', async (kind) => {
    const token = await forged[kind]!();
    const c = byFase('GEHUISVEST');
    const gw = await raw(`${fed.gatewayUrl}/graphql`, token, { query: `query($id: ID!) { traject(id: $id) { inwoner { naam bsn } } }`, variables: { id: c.ctx.trajectId } });
    expect(gw.status, 'gateway').toBe(401);
    expect(gw.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(gw.json.data ?? null).toBeNull();
    for (const name of SUBGRAPH_NAMES) {
      const sg = await raw(fed.subgraphs[name].url, token, { query: entities(name), variables: reps([c.ctx.trajectId]) });
      expect(sg.status, name).toBe(401);
      expect(sg.json.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(sg.json.data ?? null, name).toBeNull();
      expectNothingOf(c, sg.text);
    }
    const ctx = await raw(new URL('/beleidscontext', fed.subgraphs.regisseur.url).toString(), token, { trajectIds: [c.ctx.trajectId] });
    expect(ctx.status).toBe(401);
    expect(ctx.json.contexten).toBeUndefined();
    expectNothingOf(c, gw.text + ctx.text, [c.ctx.betrokkene]);
  });
});

describe('the policy-context endpoint (POST /beleidscontext)', () => {
  const endpoint = () => new URL('/beleidscontext', fed.subgraphs.regisseur.url).toString();

  it('tells a caller without relation nothing: the same answer as for an unknown id', async () => {
    const c = byFase('GEHUISVEST');
    const token = await fed.token(ANTARES);
    const unknown = randomUUID();
    const real = await raw(endpoint(), token, { trajectIds: [c.ctx.trajectId] });
    const none = await raw(endpoint(), token, { trajectIds: [unknown] });
    expect(real.json).toEqual({ contexten: { [c.ctx.trajectId]: null } });
    expect(real.text.replaceAll(c.ctx.trajectId, 'ID')).toBe(none.text.replaceAll(unknown, 'ID'));
  });

  it('shows a selected corporation neither the resident\'s pseudonym, nor the other selected, nor consents to others', async () => {
    const c = byFase('CORPORATIEGESPREK');
    const res = await raw(endpoint(), await fed.token({ partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'ww' }), { trajectIds: [c.ctx.trajectId] });
    const ctx = res.json.contexten[c.ctx.trajectId];
    expect(ctx.betrokkene).toBe('');
    expect(ctx.geselecteerd).toEqual(['woonwenz']);
    for (const t of ctx.toestemmingen) expect(t.ontvanger).toMatchObject({ partij: 'CORPORATIE' });
    expect(ctx.toestemmingen.every((t: any) => !t.ontvanger.organisatie || t.ontvanger.organisatie === 'woonwenz')).toBe(true);
    expect(res.text).not.toContain(c.ctx.betrokkene);
  });

  // Seed 003: "Even the fact that someone is treated by a mental-health provider is secret"; the
  // gemeente SDL declares Melding (who filed) as IDENTITEIT. projectForCaller
  // (subgraphs/common/policy-context.ts) keeps `melder` and `gekoppeldeZorgaanbieder` for every
  // related caller, so a selected corporation learns which care provider filed the melding.
  it('does not tell a selected corporation which care provider filed the melding', async () => {
    const c = byFase('CORPORATIEGESPREK');
    const res = await raw(endpoint(), await fed.token({ partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'ww' }), { trajectIds: [c.ctx.trajectId] });
    expect(res.text).not.toContain(String(c.ctx.melder));
  });
});

describe('a full case through the gateway', () => {
  const naam = `Fenna Verbeek ${randomUUID().slice(0, 6)}`;
  const bsn = '123456782';
  const geboortedatum = '1988-02-29';
  const adres = `Kazernestraat ${Math.floor(Math.random() * 900) + 100}, Venlo`;
  const gezondheid = `Behandeling bij Vincent van Gogh voor een psychose (${randomUUID().slice(0, 6)})`;
  let c: WalkedCase;

  it('walks from a melding by a care provider to housing, each party with its own token', async () => {
    const m = await fed.gql<any>(
      VVG,
      `mutation($naam: String!, $adres: String!, $op: String!) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "vincent-van-gogh", machtigingOp: $op, naam: $naam, adres: $adres, telefoon: "06-55501234", email: "fenna@voorbeeld.nl" }) { id code versie } }`,
      { naam, adres, op: new Date(Date.now() - 86_400_000).toISOString() },
    );
    expect(m.errors).toBeUndefined();
    const s = await fed.gql<any>(VENLO, `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { versie } }`, { id: m.data.registreerMelding.id, v: m.data.registreerMelding.versie });
    expect(s.errors).toBeUndefined();
    const o = await fed.gql(
      VENLO,
      `mutation($id: ID!, $bsn: String!, $gd: String!, $g: String!) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "2026-11-10", bsn: $bsn, geboortedatum: $gd, geslacht: "vrouw", woonsituatie: "Beschermd wonen", gezondheid: $g, financien: "Schuldhulp loopt" }) { id } }`,
      { id: m.data.registreerMelding.id, bsn, gd: geboortedatum, g: gezondheid },
    );
    expect(o.errors).toBeUndefined();
    c = { id: m.data.registreerMelding.id, code: m.data.registreerMelding.code, versie: s.data.startOnderzoek.versie };
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c, ['woonwenz', 'destion']);
    const offer = await fed.gql(DESTION, `mutation($id: ID!) { doeWoningaanbod(trajectId: $id, input: { omschrijving: "Benedenwoning destion-aanbod", kernHuurprijsCent: 55000 }) { id } }`, { id: c.id });
    expect(offer.errors).toBeUndefined();
  });

  it('shows the selected corporations the profile under the code, and nothing that identifies', async () => {
    const res = await fed.gql<any>(DESTION, `query($id: ID!) { traject(id: $id) { code bemiddelingsprofiel { conclusie } woningaanbod { omschrijving } inwoner { naam bsn adres } } }`, { id: c.id });
    expect(res.data.traject.code).toBe(c.code);
    expect(res.data.traject.bemiddelingsprofiel.conclusie).toBeTruthy();
    expect(res.data.traject.woningaanbod).toEqual([{ omschrijving: 'Benedenwoning destion-aanbod' }]);
    for (const x of [naam, bsn, adres, gezondheid]) expect(JSON.stringify(res)).not.toContain(x);
  });

  // Seed 003 (a mental-health provider's involvement is itself secret) and the gemeente SDL (who filed
  // the melding is IDENTITEIT): `Traject.transities` (regisseur subgraph) carries no @dosering, so a
  // corporation selected under the case code reads `partij: ZORGAANBIEDER, organisatie:
  // vincent-van-gogh` of the first transition.
  it('never tells a selected corporation which care provider filed the melding (transities)', async () => {
    const res = await fed.gql<any>(DESTION, `query($id: ID!) { traject(id: $id) { transities { partij organisatie reden } } }`, { id: c.id });
    expect(JSON.stringify(res)).not.toContain('vincent-van-gogh');
  });

  it('takes everything from a selected corporation once another is matched', async () => {
    c = await toHuurovereenkomst(fed, c);
    const t = await fed.gql<any>(DESTION, `query($id: ID!) { traject(id: $id) { id bemiddelingsprofiel { conclusie } } }`, { id: c.id });
    expect(t.data).toEqual({ traject: null });
    const list = await fed.gql<any>(DESTION, `{ trajecten(eerste: 500) { id } }`);
    expect(list.data.trajecten.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const token = await fed.token(DESTION);
    const own = await raw(fed.subgraphs.corporatie.url, token, { query: entities('corporatie'), variables: reps([c.id]) });
    expect(own.text).not.toContain('destion-aanbod');
    const ctx = await raw(new URL('/beleidscontext', fed.subgraphs.regisseur.url).toString(), token, { trajectIds: [c.id] });
    expect(ctx.json).toEqual({ contexten: { [c.id]: null } });
  });

  it('composes the file at query time for those entitled: the regisseur (with consent) and the matched corporation', async () => {
    c = await toGehuisvest(fed, c);
    const r = await fed.gql<any>(REGISSEUR_NL, `query($id: ID!) { traject(id: $id) { inwoner { naam adres } } }`, { id: c.id });
    expect(r.data.traject.inwoner).toEqual({ naam, adres });
    const w = await fed.gql<any>(WOONWENZ, `query($id: ID!) { traject(id: $id) { inwoner { naam bsn geboortedatum } } }`, { id: c.id });
    expect(w.data.traject.inwoner).toEqual({ naam, bsn, geboortedatum });
  });

  it('leaves no raw copy in the regisseur\'s tables (nor the corporation\'s or fund\'s): no BSN, name, birth date, address or health text', async () => {
    const secrets = [bsn, naam, geboortedatum, adres, gezondheid];
    for (const name of ['regisseur', 'corporatie', 'garantiefonds'] as const) {
      const found = await scan(fed.subgraphs[name].database.db, name, secrets);
      expect(found, name).toEqual([]);
    }
    // The scan can find: the gemeente's own file does hold them.
    expect((await scan(fed.subgraphs.gemeente.database.db, 'gemeente', secrets)).length).toBeGreaterThan(0);
  });
});

/** Every text-like column of every table of `schema`, searched for each of `secrets`. */
async function scan(db: Db, schema: string, secrets: readonly string[]): Promise<string[]> {
  const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const columns = rowsOf(
    await db.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = ${schema} and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'date', 'USER-DEFINED')`,
    ),
  );
  expect(columns.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const col of columns) {
    const t = String(col['table_name']);
    const c = String(col['column_name']);
    const values = rowsOf(await db.execute(sql.raw(`select "${c}"::text as v from "${schema}"."${t}"`))).map((r) => String(r['v'] ?? ''));
    for (const s of secrets) if (values.some((v) => v.includes(s))) found.push(`${schema}.${t}.${c} holds "${s}"`);
  }
  return found;
}

// Last: it stops the regisseur for the rest of this file.
describe('fail closed when the policy context cannot be reached', () => {
  let stopped = false;
  const stopRegisseur = async () => {
    if (stopped) return;
    const server = fed.subgraphs.regisseur.subgraph.server;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    stopped = true;
  };
  const gemeenteDirect = async () => {
    await stopRegisseur();
    const c = byFase('GEHUISVEST');
    const res = await raw(fed.subgraphs.gemeente.url, await fed.token(VENLO), { query: entities('gemeente'), variables: reps([c.ctx.trajectId]) });
    return { c, res };
  };

  it('returns no gemeente value to the own gemeente while the regisseur is down, and no data through the gateway', async () => {
    const { c, res } = await gemeenteDirect();
    expect(res.status).toBe(200);
    expectNothingOf(c, res.text);
    const gw = await fed.gql(VENLO, `query($id: ID!) { traject(id: $id) { inwoner { naam } } }`, { id: c.ctx.trajectId });
    expectNothingOf(c, JSON.stringify(gw));
    expect(gw.errors?.length).toBeGreaterThan(0);
  });

  // DESIGN §6 / the brief: a gemeente field is then "refused with CONTEXT_ONBESCHIKBAAR, never
  // returned" — and says so, so a partner system can tell "unreachable" from "nothing recorded".
  it('says why: the gemeente\'s fields are refused with CONTEXT_ONBESCHIKBAAR', async () => {
    const { res } = await gemeenteDirect();
    expect((res.json.errors ?? []).map((e: any) => e.extensions?.reden)).toContain('CONTEXT_ONBESCHIKBAAR');
  });
});

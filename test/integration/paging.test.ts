/**
 * Relay connections through the real gateway, over the demo data (issue 15 item 1): paging through a
 * connection yields every case of the caller's list exactly once, in the list's order, in full pages;
 * `pageInfo` says where the list ends; a cursor is sealed (it shows no id and no moment), a tampered
 * or garbage one and a page size out of range are refused with ONGELDIGE_INVOER naming the argument;
 * a cursor is a position, not a case to look up, so one taken from another party's page only tells
 * where to start in the caller's own list. Every case on a page has its access record.
 */
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { CORPORATIES } from '../../schema/vocabulary.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import { MAX_PAGINAGROOTTE } from '../../subgraphs/common/paging/connection.js';
import { aanvragen } from '../../subgraphs/garantiefonds/db/tables.js';
import { selecties, trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { seedDemo, startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
let cases: { id: string; aangemeldOp: string }[];

beforeAll(async () => {
  fed = await startTestFederation();
  const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
  await seedDemo(fed);
  cases = await db('regisseur').select({ id: trajecten.id, aangemeldOp: trajecten.aangemeldOp }).from(trajecten);
});
afterAll(async () => {
  await fed?.stop();
});

const VENLO: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
const NOORD: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' };
const CORPORATIE: Persona = { partij: 'CORPORATIE', organisatie: CORPORATIES[0]! };

const PAGINA = `query($n: Int, $na: String, $fase: Fase) {
  trajectenPagina(first: $n, after: $na, fase: $fase) {
    edges { cursor node { id code } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const LIJST = `query($fase: Fase) { trajecten(eerste: 500, fase: $fase) { id } }`;

interface Page {
  edges: { cursor: string; node: { id: string; code: string | null } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Pages through the connection `n` at a time; every page as it came. */
async function allPages(persona: Persona, n: number, vars: Record<string, unknown> = {}): Promise<Page[]> {
  const pages: Page[] = [];
  let na: string | null = null;
  for (;;) {
    const r: { errors?: unknown; data?: { trajectenPagina: Page } | null } = await fed.gql(persona, PAGINA, { n, na, ...vars });
    expect(r.errors).toBeUndefined();
    const page: Page = r.data!.trajectenPagina;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    na = page.pageInfo.endCursor;
    expect(pages.length).toBeLessThan(200);
  }
}

const listIds = async (persona: Persona, vars: Record<string, unknown> = {}) =>
  ((await fed.gql<any>(persona, LIJST, vars)).data.trajecten as { id: string }[]).map((t) => t.id);

const refusal = (r: { data: any; errors?: { path?: (string | number)[]; extensions?: Record<string, any> }[] }) => ({
  data: r.data,
  errors: r.errors?.map((e) => ({ path: e.path, code: e.extensions?.['code'], veld: e.extensions?.['veld'] })),
});

describe('trajectenPagina', () => {
  it('yields every case of the caller’s list exactly once, in the list’s order, in full pages until the last', async () => {
    for (const persona of [VENLO, NOORD, CORPORATIE]) {
      const expected = await listIds(persona);
      expect(expected.length).toBeGreaterThan(7);
      const pages = await allPages(persona, 7);
      const ids = pages.flatMap((p) => p.edges.map((e) => e.node.id));
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [i, p] of pages.entries()) {
        const last = i === pages.length - 1;
        expect(p.pageInfo.hasNextPage).toBe(!last);
        if (!last) expect(p.edges).toHaveLength(7);
        expect(p.edges.length).toBeGreaterThan(0);
        expect(p.edges.length).toBeLessThanOrEqual(7);
        expect(p.pageInfo.hasPreviousPage).toBe(false);
        expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
        expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
      }
    }
  });

  it('filters by phase like trajecten, and an empty list is one page without cursors', async () => {
    const expected = await listIds(NOORD, { fase: 'CORPORATIEGESPREK' });
    const pages = await allPages(NOORD, 3, { fase: 'CORPORATIEGESPREK' });
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual(expected);

    for (const persona of [{ partij: 'GARANTIEFONDS' }, { partij: 'INWONER', sub: 'niemand' }] as Persona[]) {
      const r = await fed.gql<any>(persona, PAGINA, { n: 5 });
      expect(r.errors).toBeUndefined();
      expect(r.data.trajectenPagina).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    }
  });

  it('gives a corporation only the cases it was selected for', async () => {
    const selected = new Set(
      (await fed.subgraphs.regisseur.database.db.select({ id: selecties.trajectId }).from(selecties).where(eq(selecties.corporatie, CORPORATIE.organisatie!))).map(
        (s) => s.id,
      ),
    );
    const ids = (await allPages(CORPORATIE, 10)).flatMap((p) => p.edges.map((e) => e.node.id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(selected.has(id), id).toBe(true);
  });

  it('is not offered to parties that never see a case (static refusal, as for trajecten)', async () => {
    const r = await fed.gql<any>({ partij: 'WERKGROEP' }, PAGINA, { n: 5 });
    expect(r.status).toBe(403);
    expect(r.errors?.[0]?.extensions?.['code']).toBe('DOSERING_GEWEIGERD');
  });

  it('seals its cursors: neither the case id nor its registration moment can be read from one', async () => {
    const [page] = await allPages(CORPORATIE, 100);
    for (const edge of page!.edges) {
      const inside = Buffer.from(edge.cursor, 'base64url').toString('latin1');
      const registered = cases.find((c) => c.id === edge.node.id)!.aangemeldOp;
      expect(inside).not.toContain(edge.node.id);
      expect(inside).not.toContain(registered.slice(0, 10));
      expect(edge.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('refuses a garbage, tampered or foreign cursor and a page size out of range with ONGELDIGE_INVOER naming the argument', async () => {
    const [first] = await allPages(VENLO, 2);
    const cursor = first!.pageInfo.endCursor!;
    const flipped = cursor.slice(0, 20) + (cursor[20] === 'A' ? 'B' : 'A') + cursor.slice(21);
    // A key of the access log's read side is a well-formed token of another kind: not a cursor.
    const foreign = `${Buffer.from(JSON.stringify({ v: 1, s: 'T' })).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    for (const na of ['garbage', '', flipped, foreign, Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', cases[0]!.id])).toString('base64url')]) {
      const r = await fed.gql<any>(VENLO, PAGINA, { n: 2, na });
      expect(refusal(r), na).toEqual({ data: { trajectenPagina: null }, errors: [{ path: ['trajectenPagina'], code: 'ONGELDIGE_INVOER', veld: 'after' }] });
    }
    for (const n of [0, -1, MAX_PAGINAGROOTTE + 1]) {
      const r = await fed.gql<any>(VENLO, PAGINA, { n });
      expect(refusal(r), String(n)).toEqual({ data: { trajectenPagina: null }, errors: [{ path: ['trajectenPagina'], code: 'ONGELDIGE_INVOER', veld: 'first' }] });
    }
    const r = await fed.gql<any>(VENLO, PAGINA, { n: MAX_PAGINAGROOTTE });
    expect(r.errors).toBeUndefined();
    // Far above the maximum, the gateway's cost estimate (first × what a page holds) refuses first, before any subgraph.
    const huge = await fed.gql<any>(VENLO, PAGINA, { n: 1_000_000 });
    expect(huge.errors?.map((e) => e.extensions?.['code'])).toEqual(['OPERATIE_TE_GROOT']);
  });

  it('reads a cursor as a position only: one from another party’s page starts the caller’s own list there', async () => {
    // No case is looked up to open a cursor, so a case the caller may not see cannot be probed with one.
    const venlo = await allPages(VENLO, 3);
    const elsewhere = venlo[0]!.pageInfo.endCursor!;
    const own = await listIds(CORPORATIE);
    const r = await fed.gql<{ trajectenPagina: Page }>(CORPORATIE, PAGINA, { n: 100, na: elsewhere });
    expect(r.errors).toBeUndefined();
    const after = r.data!.trajectenPagina.edges.map((e) => e.node.id);
    const cut = cases.find((c) => c.id === venlo[0]!.edges.at(-1)!.node.id)!;
    const older = (id: string) => {
      const c = cases.find((x) => x.id === id)!;
      return c.aangemeldOp < cut.aangemeldOp || (c.aangemeldOp === cut.aangemeldOp && c.id < cut.id);
    };
    expect(after).toEqual(own.filter(older));
  });

  it('logs an access record for every case on a page, under the request’s trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${fed.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await fed.token(NOORD)}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({ query: PAGINA, variables: { n: 10 } }),
    });
    const page = ((await response.json()) as { data: { trajectenPagina: Page } }).data.trajectenPagina;
    expect(page.edges).toHaveLength(10);
    const log = logboekVan('regisseur').tables.verwerkingen;
    const rows = await fed.subgraphs.regisseur.database.db.select().from(log).where(eq(log.traceId, traceId));
    const logged = (veld: string) => new Set(rows.filter((r) => r.toegestaan && r.velden.includes(veld)).map((r) => r.trajectId));
    for (const edge of page.edges) {
      expect(logged('TrajectConnection.edges').has(edge.node.id), edge.node.id).toBe(true);
      expect(logged('Traject.code').has(edge.node.id), edge.node.id).toBe(true);
    }
    expect(rows.every((r) => r.toegestaan)).toBe(true);
  });
});

describe('trajecten (the list partners already code against)', () => {
  it('still pages by the last id as before, next to the connection', async () => {
    const lijst = `query($n: Int, $na: ID) { trajecten(eerste: $n, na: $na) { id } }`;
    const all = await listIds(VENLO);
    const first = ((await fed.gql<any>(VENLO, lijst, { n: 4 })).data.trajecten as { id: string }[]).map((t) => t.id);
    const next = ((await fed.gql<any>(VENLO, lijst, { n: 4, na: first.at(-1) })).data.trajecten as { id: string }[]).map((t) => t.id);
    expect([...first, ...next]).toEqual(all.slice(0, 8));
    const unknown = await fed.gql<any>(VENLO, lijst, { n: 4, na: 'onbekend' });
    expect(refusal(unknown)).toEqual({ data: { trajecten: null }, errors: [{ path: ['trajecten'], code: 'ONGELDIGE_INVOER', veld: 'na' }] });
  });
});

describe('the fund’s connections', () => {
  const FONDS: Persona = { partij: 'GARANTIEFONDS' };
  const AANVRAGEN = `query($n: Int, $na: String) {
    garantieaanvragenPagina(first: $n, after: $na) { edges { cursor node { id trajectCode bedragCent } } pageInfo { hasNextPage endCursor } }
  }`;
  const GROOTBOEK = `query($n: Int, $na: String) {
    garantiefonds { grootboekPagina(first: $n, after: $na) { edges { cursor node { id volgnummer saldoNaCent } } pageInfo { hasNextPage endCursor } } }
  }`;

  /** Pages through `pick(data)` `n` at a time; the nodes in order, and the size of every page. */
  async function collect(persona: Persona, query: string, pick: (data: any) => any, n: number) {
    const nodes: any[] = [];
    const sizes: number[] = [];
    let na: string | null = null;
    for (;;) {
      const r: { errors?: unknown; data?: any } = await fed.gql(persona, query, { n, na });
      expect(r.errors).toBeUndefined();
      const page = pick(r.data);
      nodes.push(...page.edges.map((e: { node: unknown }) => e.node));
      sizes.push(page.edges.length);
      if (!page.pageInfo.hasNextPage) return { nodes, sizes };
      na = page.pageInfo.endCursor;
    }
  }

  it('page the claims exactly as garantieaanvragen lists them, for the fund and for a corporation its own', async () => {
    const corporaties = await fed.subgraphs.garantiefonds.database.db.selectDistinct({ c: aanvragen.corporatie }).from(aanvragen);
    expect(corporaties.length).toBeGreaterThan(0);
    for (const persona of [FONDS, { partij: 'CORPORATIE', organisatie: corporaties[0]!.c }] as Persona[]) {
      const list = (await fed.gql<any>(persona, '{ garantieaanvragen { id trajectCode bedragCent } }')).data.garantieaanvragen;
      expect(list.length).toBeGreaterThan(0);
      const { nodes, sizes } = await collect(persona, AANVRAGEN, (d) => d.garantieaanvragenPagina, 2);
      expect(nodes).toEqual(list);
      expect(sizes.slice(0, -1).every((s) => s === 2)).toBe(true);
    }
  });

  it('page the ledger in booking order with each entry’s running balance, for the cashier only', async () => {
    const all = (await fed.gql<any>(FONDS, '{ garantiefonds { grootboek { id volgnummer saldoNaCent } } }')).data.garantiefonds.grootboek;
    expect(all.length).toBeGreaterThan(5);
    const { nodes, sizes } = await collect(FONDS, GROOTBOEK, (d) => d.garantiefonds.grootboekPagina, 4);
    expect(nodes).toEqual(all);
    expect(sizes.slice(0, -1).every((s) => s === 4)).toBe(true);

    // A regisseur sees the fund's totals but not its details; a corporation not even the totals.
    const regisseur = await fed.gql<any>(NOORD, GROOTBOEK, { n: 4 });
    expect(regisseur.data.garantiefonds.grootboekPagina).toBeNull();
    expect(regisseur.errors?.map((e) => e.extensions?.['code'])).toEqual(['NIET_BEVOEGD']);
    const corporatie = await fed.gql<any>(CORPORATIE, GROOTBOEK, { n: 4 });
    expect(corporatie).toMatchObject({ data: { garantiefonds: null } });
  });

  it('page the contributions as bijdragen lists them, with or without the open-only filter', async () => {
    const BIJDRAGEN = `query($n: Int, $na: String, $open: Boolean) {
      garantiefonds { bijdragenPagina(first: $n, after: $na, openstaand: $open) { edges { cursor node { id ronde slug status } } pageInfo { hasNextPage endCursor } } }
    }`;
    for (const open of [undefined, true, false]) {
      const all = (await fed.gql<any>(FONDS, 'query($open: Boolean) { garantiefonds { bijdragen(openstaand: $open) { id ronde slug status } } }', { open })).data.garantiefonds.bijdragen;
      const nodes: unknown[] = [];
      let na: string | null = null;
      for (;;) {
        const r: { errors?: unknown; data?: any } = await fed.gql(FONDS, BIJDRAGEN, { n: 7, na, open });
        expect(r.errors).toBeUndefined();
        const page = r.data.garantiefonds.bijdragenPagina;
        nodes.push(...page.edges.map((e: { node: unknown }) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(7);
        na = page.pageInfo.endCursor;
      }
      expect(nodes, String(open)).toEqual(all);
    }
  });

  it('refuse a cursor of another list: a ledger cursor does not position the claims', async () => {
    const ledger = await fed.gql<any>(FONDS, GROOTBOEK, { n: 1 });
    const na = ledger.data.garantiefonds.grootboekPagina.pageInfo.endCursor;
    const r = await fed.gql<any>(FONDS, AANVRAGEN, { n: 1, na });
    expect(refusal(r)).toEqual({ data: { garantieaanvragenPagina: null }, errors: [{ path: ['garantieaanvragenPagina'], code: 'ONGELDIGE_INVOER', veld: 'after' }] });
  });
});

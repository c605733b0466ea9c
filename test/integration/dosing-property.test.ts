/**
 * Property-based dosing through the gateway: fast-check generates personas and operations over the
 * schema — random roots (`traject`, `trajectOpCode`, `trajecten`), random containers and fields,
 * aliases, named and inline fragments, variables, sometimes a field outside the caller's contract —
 * against a seeded federation, and no response may ever contain a seeded value the oracle forbids
 * that persona (BSNs, names, health texts, documents, profiles, leases, claims).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenCoordinates } from '../../gateway/contracts.js';
import { SUPERGRAPH_FILE } from '../../gateway/supergraph.js';
import { FASEN } from '../../schema/vocabulary.js';
import {
  MATRIX_PERSONAS,
  assertSecretsDistinct,
  buildDosingCases,
  callerVan,
  inwonerPersona,
  mayAppear,
  oracleGeheel,
  oracleHeeftRelatie,
  seedDosingCases,
  trajectContainers,
  type Container,
  type ContainerField,
  type DosingCase,
  type NamedPersona,
} from '../helpers/dosing-fixtures.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const SUPERGRAPH = readFileSync(SUPERGRAPH_FILE, 'utf8');
const CONTAINERS = trajectContainers(SUPERGRAPH);
const CONTRACTS = forbiddenCoordinates(SUPERGRAPH);
const DECLARATIONS = new Map(CONTAINERS.flatMap((c) => c.fields.map((f) => [f.coordinate, f] as const)));
const CASES = buildDosingCases([
  ...FASEN.flatMap((fase) => [
    { fase, staat: 'GELDIG' as const },
    { fase, staat: 'GEEN' as const },
  ]),
  { fase: 'AFGESLOTEN', staat: 'GELDIG', zonderMatch: true },
]);
const PERSONAS: NamedPersona[] = [...MATRIX_PERSONAS, ...[...new Set(CASES.map((c) => c.ctx.betrokkene))].map((b) => inwonerPersona(CASES.find((c) => c.ctx.betrokkene === b)!))];

let fed: TestFederation;
beforeAll(async () => {
  assertSecretsDistinct(CASES);
  fed = await startTestFederation();
  await seedDosingCases(fed, CASES);
});
afterAll(async () => {
  await fed?.stop();
});

type Stijl = 'plain' | 'alias' | 'fragment' | 'inline';

interface Operation {
  readonly persona: NamedPersona;
  readonly root: 'traject' | 'trajectOpCode' | 'trajecten';
  readonly cases: readonly DosingCase[];
  readonly picks: readonly { container: Container; fields: readonly ContainerField[]; stijl: Stijl }[];
  readonly buitenContract: boolean;
}

const containerPick = fc
  .constantFrom(...CONTAINERS)
  .chain((container) => fc.record({ container: fc.constant(container), fields: fc.subarray([...container.fields], { minLength: 1 }), stijl: fc.constantFrom<Stijl>('plain', 'alias', 'fragment', 'inline') }));

const operationArb: fc.Arbitrary<Operation> = fc.record({
  persona: fc.constantFrom(...PERSONAS),
  root: fc.constantFrom('traject' as const, 'trajectOpCode' as const, 'trajecten' as const),
  cases: fc.subarray(CASES, { minLength: 1, maxLength: 3 }),
  picks: fc.uniqueArray(containerPick, { minLength: 1, maxLength: 5, selector: (p) => p.container.field }),
  buitenContract: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

/** Writes the operation as GraphQL text plus variables; fields outside the contract only when asked. */
function render(op: Operation): { query: string; variables: Record<string, unknown> } {
  const forbidden = CONTRACTS.get(callerVan(op.persona.persona).partij) ?? new Set<string>();
  const fragments: string[] = [];
  const body = op.picks
    .map((p, i) => {
      const fields = p.fields.filter((f) => op.buitenContract || !forbidden.has(f.coordinate));
      if (fields.length === 0) return '';
      const names = fields.map((f, j) => {
        const name = f.coordinate.split('.')[1]!;
        const sub = f.composite ? ' { __typename }' : '';
        return p.stijl === 'alias' ? `a${i}_${j}: ${name}${sub}` : `${name}${sub}`;
      });
      // The object's own __typename: it must not answer for an object the caller may not know of.
      names.unshift('__typename');
      switch (p.stijl) {
        case 'fragment':
          fragments.push(`fragment F${i} on ${p.container.type} { ${names.join(' ')} }`);
          return `${p.container.field} { ...F${i} }`;
        case 'inline':
          return `${p.container.field} { ... on ${p.container.type} { ${names.join(' ')} } }`;
        case 'alias':
          return `x${i}: ${p.container.field} { ${names.join(' ')} }`;
        default:
          return `${p.container.field} { ${names.join(' ')} }`;
      }
    })
    .join(' ');
  const selection = `id code fase ${body}`;
  const variables: Record<string, unknown> = {};
  let roots: string;
  if (op.root === 'trajecten') roots = `lijst: trajecten { ${selection} }`;
  else {
    roots = op.cases
      .map((c, i) => {
        if (op.root === 'trajectOpCode') return `r${i}: trajectOpCode(code: "${c.code}") { ${selection} }`;
        variables[`id${i}`] = c.ctx.trajectId;
        return `r${i}: traject(id: $id${i}) { ${selection} }`;
      })
      .join(' ');
  }
  const params = Object.keys(variables).map((k) => `$${k}: ID!`);
  return { query: `query Willekeurig${params.length ? `(${params.join(', ')})` : ''} { ${roots} } ${fragments.join(' ')}`, variables };
}

/**
 * Existence, counts and order are data too: per case the oracle decides whether the case exists for
 * the caller and whether each object or list is there as a whole; a refused one must be `null` —
 * not an object, not a list, not an empty list — and a list root holds exactly the related cases.
 */
function structure(op: Operation, data: Record<string, any>, now: number): string[] {
  const caller = callerVan(op.persona.persona);
  const problems: string[] = [];
  const checkCase = (c: DosingCase, t: Record<string, any>) => {
    op.picks.forEach((p, i) => {
      const key = p.stijl === 'alias' ? `x${i}` : p.container.field;
      if (!(key in t)) return;
      const whole = oracleGeheel(caller, c.ctx, p.container, now);
      if (!whole.allowed && t[key] !== null) problems.push(`${c.key}: ${p.container.field} answered (${JSON.stringify(t[key]).slice(0, 80)}) where the oracle refuses it (${whole.reden})`);
      if (whole.allowed && t[key] === null && p.container.list) problems.push(`${c.key}: ${p.container.field} null where the oracle allows it`);
    });
  };
  if (op.root === 'trajecten') {
    const listed = new Set(((data['lijst'] ?? []) as { id: string }[]).map((t) => t.id));
    for (const c of CASES) {
      const related = oracleHeeftRelatie(caller, c.ctx);
      if (listed.has(c.ctx.trajectId) !== related && (related === false || caller.partij !== 'GARANTIEFONDS')) {
        problems.push(`${c.key}: trajecten ${listed.has(c.ctx.trajectId) ? 'lists' : 'omits'} a case the caller ${related ? 'relates to' : 'may not know of'}`);
      }
    }
    for (const t of (data['lijst'] ?? []) as Record<string, any>[]) {
      const c = CASES.find((x) => x.ctx.trajectId === t['id']);
      if (c) checkCase(c, t);
    }
    return problems;
  }
  op.cases.forEach((c, i) => {
    const t = data[`r${i}`];
    const related = oracleHeeftRelatie(caller, c.ctx);
    if ((t !== null && t !== undefined) !== related) problems.push(`${c.key}: ${op.root} ${related ? 'null for a related case' : 'answered a case the caller may not know of'}`);
    if (t) checkCase(c, t);
  });
  return problems;
}

describe('random operations through the gateway', () => {
  it('never return a value the oracle forbids the persona, in any shape of operation', async () => {
    let allowedSeen = 0;
    let refused = 0;
    let statisch = 0;
    await fc.assert(
      fc.asyncProperty(operationArb, async (op) => {
        const { query, variables } = render(op);
        const res = await fed.gql(op.persona.persona, query, variables);
        const text = JSON.stringify(res);
        const caller = callerVan(op.persona.persona);
        const now = Date.now();
        expect([200, 400, 403], text.slice(0, 300)).toContain(res.status);
        if (res.status !== 200) statisch++;
        for (const c of CASES) {
          for (const s of c.secrets) {
            const may = mayAppear(caller, c, s, DECLARATIONS.get(s.coordinate)!, now);
            if (!may) expect(text.includes(s.value), `${op.persona.naam} saw ${s.coordinate} of ${c.key} in:\n${query}`).toBe(false);
            else if (text.includes(s.value)) allowedSeen++;
          }
        }
        if (res.status === 200) structure(op, res.data ?? {}, now).forEach((problem) => expect.fail(`${op.persona.naam}: ${problem}\n${query}`));
        refused += (res.errors ?? []).filter((e) => e.extensions?.['code'] === 'DOSERING_GEWEIGERD').length;
        // Whatever goes wrong, it is a refusal, a validation error or (a generated operation with
        // more than MAX_ALIASES aliases) the operation limit — never an internal error.
        for (const e of res.errors ?? []) expect(['DOSERING_GEWEIGERD', 'GRAPHQL_VALIDATION_FAILED', 'OPERATIE_TE_GROOT'], e.message).toContain(e.extensions?.['code']);
      }),
      { numRuns: 40, ...(process.env['FC_SEED'] ? { seed: Number(process.env['FC_SEED']) } : {}) },
    );
    // Not vacuous: values did flow to those allowed, and refusals happened.
    expect(allowedSeen).toBeGreaterThan(0);
    expect(refused + statisch).toBeGreaterThan(0);
  });
});

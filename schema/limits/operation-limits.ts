/**
 * Operation limits (issue 14 item 5), shared by the gateway and the subgraphs like `identity/`: pure
 * functions of graphql-js, so both sides refuse the same way with the same code, and the subgraphs
 * never import from the gateway.
 *
 * - Tokens and textual depth are measured in one pass of graphql-js's own lexer before anything is
 *   parsed, so a document too long or nested too deep (3,000 inline fragments) never reaches the
 *   parser's recursion: it is a 400 with `OPERATIE_TE_GROOT`, never a stack overflow or a 500.
 * - Depth, aliases, root fields and directives are then counted over the parsed operation with its
 *   fragments expanded (each fragment counted once and memoised, so a fragment bomb costs no more to
 *   count than its text).
 * - Cost needs the schema: the gateway computes it for the whole operation before planning.
 *
 * Each refusal: `extensions: { code: 'OPERATIE_TE_GROOT', limiet: { naam, maximum }, gevonden }`, a
 * Dutch message with the limit's name and numbers only — never any of the query.
 */
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** An operation over one of these limits is refused before planning or any subgraph fetch. */
export const OPERATIE_TE_GROOT = 'OPERATIE_TE_GROOT';
/** A request body that is not JSON; the body itself is never echoed. */
export const ONGELDIGE_JSON = 'ONGELDIGE_JSON';

export interface OperationLimits {
  /** Largest request body in bytes (`MAX_BODY_BYTES`; the subgraphs refuse above the same size). */
  readonly bytes: number;
  /** Largest number of GraphQL tokens in the document (`MAX_TOKENS`, graphql-js `maxTokens`). */
  readonly tokens: number;
  /** Deepest nesting of selection sets (`MAX_DEPTH`); a field with a selection and an inline fragment each count one level. */
  readonly diepte: number;
  /** Most aliases in an operation, fragments expanded (`MAX_ALIASES`). */
  readonly aliassen: number;
  /** Most fields at the root of an operation, fragments expanded (`MAX_ROOT_FIELDS`). */
  readonly hoofdvelden: number;
  /** Most directives in an operation, fragments expanded (`MAX_DIRECTIVES`). */
  readonly directives: number;
  /** Highest estimated cost (`MAX_COST`; gateway only, see `operationCost`). */
  readonly kosten: number;
  /** Assumed length of a list without a page argument (`LIST_SIZE`). */
  readonly lijstgrootte: number;
}

/**
 * Generous for every operation this project sends, measured over the integration tests, the demo, the
 * dashboard and the bench (largest seen: 1,660 tokens — the dosing matrix; depth 15 — the standard introspection query; 20 aliases and 20
 * root fields — 20 cases by id; cost 55,500 — `trajecten(eerste: 500)` with nested lists; the
 * regisseur's 20-case view costs 680), and tight enough that the heavy requests (1,000
 * aliases, a 1 MB selection set, 3,000 nested fragments, 10 MB bodies) never start.
 */
export const DEFAULT_LIMITS: OperationLimits = Object.freeze({
  bytes: 1 << 20,
  tokens: 3000,
  diepte: 16,
  aliassen: 50,
  hoofdvelden: 30,
  directives: 50,
  kosten: 100_000,
  lijstgrootte: 10,
});

/** The environment variable of each limit, as the README documents them for partners. */
export const LIMIT_ENV: Readonly<Record<keyof OperationLimits, string>> = Object.freeze({
  bytes: 'MAX_BODY_BYTES',
  tokens: 'MAX_TOKENS',
  diepte: 'MAX_DEPTH',
  aliassen: 'MAX_ALIASES',
  hoofdvelden: 'MAX_ROOT_FIELDS',
  directives: 'MAX_DIRECTIVES',
  kosten: 'MAX_COST',
  lijstgrootte: 'LIST_SIZE',
});

type Env = Record<string, string | undefined>;

/** The limits from the environment, read the same way by the gateway and every subgraph; a bad value throws at boot. */
export function limitsFromEnv(env: Env): OperationLimits {
  const out = {} as Record<keyof OperationLimits, number>;
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof OperationLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      out[key] = DEFAULT_LIMITS[key];
      continue;
    }
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) throw new TypeError(`${name} moet een positief geheel getal zijn, niet "${raw}"`);
    out[key] = n;
  }
  return Object.freeze(out);
}

/**
 * What a subgraph accepts: the same limits with room for what the gateway adds when it plans
 * (`_entities` with a type condition per entity fetch, key fields and `__typename`, several fetches
 * to one subgraph merged under `_0_`… aliases). Representations travel as variables, so a batch of
 * many entities adds no tokens. Same body size: one body limit everywhere. Cost needs the schema
 * and is the gateway's (see `operationCost`).
 */
export function subgraphLimits(l: OperationLimits = DEFAULT_LIMITS): OperationLimits {
  return Object.freeze({
    ...l,
    tokens: l.tokens * 3,
    diepte: l.diepte + 4,
    aliassen: l.aliassen * 3 + l.hoofdvelden,
    hoofdvelden: l.hoofdvelden * 3,
    directives: l.directives * 3,
  });
}

export type LimitName = 'bytes' | 'tokens' | 'diepte' | 'aliassen' | 'hoofdvelden' | 'directives' | 'kosten';

const LABEL: Readonly<Record<LimitName, string>> = {
  bytes: 'de grootte van de body in bytes',
  tokens: 'het aantal tokens',
  diepte: 'de diepte',
  aliassen: 'het aantal aliassen',
  hoofdvelden: 'het aantal velden op het hoogste niveau',
  directives: 'het aantal directives',
  kosten: 'de geschatte kosten',
};

/**
 * The refusal of one limit. `gevonden` is what was measured, when it is known (a body cut off while
 * read, or a document nested too deep to parse, has none). `http.status` is for the gateway's
 * response; it is never serialised.
 */
export function limitError(naam: LimitName, maximum: number, gevonden?: number, status = naam === 'bytes' ? 413 : 400): GraphQLError {
  const known = gevonden !== undefined && Number.isFinite(gevonden);
  const measured = known ? `; deze operatie heeft ${gevonden}` : '';
  return new GraphQLError(
    `Operatie te groot: de limiet voor ${naam} (${LABEL[naam]}) is ${maximum}${measured}. Maak de operatie kleiner of verdeel haar over meerdere verzoeken.`,
    {
      extensions: {
        code: OPERATIE_TE_GROOT,
        limiet: { naam, maximum, env: LIMIT_ENV[naam] },
        ...(known ? { gevonden } : {}),
        http: { status },
      },
    },
  );
}

export function invalidJsonError(): GraphQLError {
  return new GraphQLError('De body is geen geldige JSON.', { extensions: { code: ONGELDIGE_JSON, http: { status: 400 } } });
}

/** True for a refusal made here (at the gateway or a subgraph). */
export function isLimitError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions['code'] === OPERATIE_TE_GROOT;
}

/**
 * One pass of graphql-js's lexer: the number of tokens (as the parser counts them, comments not
 * included) and the deepest nesting of selection sets in the text (braces outside parentheses;
 * braces inside are input objects). Stops at a lexical error, which the parser then reports.
 */
export function scanDocument(source: string): { tokens: number; diepte: number; volledig: boolean } {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let braces = 0;
  let parens = 0;
  let diepte = 0;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) {
      tokens++;
      if (t.kind === TokenKind.PAREN_L) parens++;
      else if (t.kind === TokenKind.PAREN_R) parens = Math.max(0, parens - 1);
      else if (parens === 0 && t.kind === TokenKind.BRACE_L) diepte = Math.max(diepte, ++braces);
      else if (parens === 0 && t.kind === TokenKind.BRACE_R) braces = Math.max(0, braces - 1);
    }
  } catch {
    return { tokens, diepte, volledig: false };
  }
  return { tokens, diepte, volledig: true };
}

interface Stats {
  diepte: number;
  aliassen: number;
  directives: number;
  velden: number;
}

const NONE: Stats = Object.freeze({ diepte: 0, aliassen: 0, directives: 0, velden: 0 });

function documentStats(document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Stats>();
  const visiting = new Set<string>();
  const ofFragment = (name: string): Stats => {
    const known = memo.get(name);
    if (known) return known;
    const f = fragments.get(name);
    if (!f || visiting.has(name)) return NONE; // validation refuses unknown and cyclic fragments
    visiting.add(name);
    const s = ofSet(f.selectionSet);
    visiting.delete(name);
    const out = { ...s, directives: s.directives + (f.directives?.length ?? 0) };
    memo.set(name, out);
    return out;
  };
  /** `diepte` of a selection set is its own level plus its deepest child's. */
  const ofSet = (set: SelectionSetNode): Stats => {
    const total: Stats = { diepte: 0, aliassen: 0, directives: 0, velden: 0 };
    let deepest = 0;
    for (const sel of set.selections) {
      let inner: Stats;
      if (sel.kind === Kind.FIELD) {
        const child = sel.selectionSet ? ofSet(sel.selectionSet) : NONE;
        inner = { diepte: child.diepte, aliassen: child.aliassen + (sel.alias ? 1 : 0), directives: child.directives + (sel.directives?.length ?? 0), velden: 1 };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        // An inline fragment is a level of its own (it is a selection set in the text) …
        const child = ofSet(sel.selectionSet);
        inner = { ...child, directives: child.directives + (sel.directives?.length ?? 0) };
      } else {
        // … a spread is not: it stands for its fragment's selections at this level.
        const child = ofFragment(sel.name.value);
        inner = { ...child, diepte: Math.max(0, child.diepte - 1), directives: child.directives + (sel.directives?.length ?? 0) };
      }
      deepest = Math.max(deepest, inner.diepte);
      total.aliassen += inner.aliassen;
      total.directives += inner.directives;
      total.velden += inner.velden; // fields at this level, through fragments
    }
    total.diepte = deepest + 1;
    return total;
  };
  return { ofSet };
}

/** What `checkDocument` measures for each operation of a document (for tests and the bench). */
export function measureDocument(document: DocumentNode): { naam: string | undefined; diepte: number; aliassen: number; hoofdvelden: number; directives: number }[] {
  const { ofSet } = documentStats(document);
  const out = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = ofSet(d.selectionSet);
    out.push({ naam: d.name?.value, diepte: s.diepte, aliassen: s.aliassen, hoofdvelden: s.velden, directives: s.directives + (d.directives?.length ?? 0) });
  }
  return out;
}

/** Throws `OPERATIE_TE_GROOT` when one operation of the document is over a structural limit. */
export function checkDocument(document: DocumentNode, limits: OperationLimits): void {
  for (const s of measureDocument(document)) {
    if (s.diepte > limits.diepte) throw limitError('diepte', limits.diepte, s.diepte);
    if (s.aliassen > limits.aliassen) throw limitError('aliassen', limits.aliassen, s.aliassen);
    if (s.hoofdvelden > limits.hoofdvelden) throw limitError('hoofdvelden', limits.hoofdvelden, s.hoofdvelden);
    if (s.directives > limits.directives) throw limitError('directives', limits.directives, s.directives);
  }
}

/**
 * Parses within the limits: first the lexer pass (tokens, textual depth), then graphql-js's parser
 * with `maxTokens`, then the structural limits on the AST. A plain syntax error stays a syntax error.
 */
export function parseWithinLimits(source: string, limits: OperationLimits, parseFn: typeof parse = parse, options?: Parameters<typeof parse>[1]): DocumentNode {
  const scan = scanDocument(source);
  if (scan.tokens > limits.tokens) throw limitError('tokens', limits.tokens, scan.volledig ? scan.tokens : undefined);
  if (scan.diepte > limits.diepte) throw limitError('diepte', limits.diepte, scan.volledig ? scan.diepte : undefined);
  try {
    const document = parseFn(source, { ...options, maxTokens: limits.tokens });
    checkDocument(document, limits);
    return document;
  } catch (error) {
    // A backstop: the lexer pass above already bounds the parser's recursion.
    if (error instanceof RangeError) throw limitError('diepte', limits.diepte);
    if (error instanceof GraphQLError && error.extensions['code'] !== OPERATIE_TE_GROOT && /more than \d+ tokens/.test(error.message)) throw limitError('tokens', limits.tokens);
    throw error;
  }
}

/** The arguments whose value is a page's length (the argument's schema default when not given). */
const PAGE_ARGUMENTS = ['eerste'];

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const argDef of field.args) {
    if (!PAGE_ARGUMENTS.includes(argDef.name)) continue;
    const arg = node.arguments?.find((a) => a.name.value === argDef.name);
    const value = arg ? valueFromAST(arg.value, argDef.type, variables) : argDef.defaultValue;
    if (typeof value === 'number' && value > 0) return value;
  }
  return undefined;
}

/**
 * Demand control's estimate, counted as Hive Gateway's `demandControl` does (IBM cost spec
 * defaults): each object, interface or union costs 1, a scalar 0, a mutation 10 more; a list
 * multiplies what it holds by its page argument (`eerste`, or that argument's default), else by the
 * page argument of the field that holds it (a page object such as `InzagePagina.regels`), else by
 * `lijstgrootte`. Computed on the whole operation before planning, so nothing reaches a subgraph
 * when it is over. Fragments are costed once each (by their type condition), so counting is linear.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  lijstgrootte: number,
): number {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const vars = variables ?? {};

  const ofSet = (type: GraphQLNamedType | undefined | null, set: SelectionSetNode, page: number | undefined): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!type || !(isObjectType(type) || isInterfaceType(type))) continue;
        const field = type.getFields()[sel.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        const own = isCompositeType(named) ? 1 : 0;
        const size = pageSize(field, sel, vars);
        if (isListType(getNullableType(field.type))) {
          const child = sel.selectionSet ? ofSet(named, sel.selectionSet, undefined) : 0;
          cost += (size ?? page ?? lijstgrootte) * (own + child);
        } else {
          cost += own + (sel.selectionSet ? ofSet(named, sel.selectionSet, size) : 0);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += ofSet(sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type, sel.selectionSet, page);
      } else {
        const name = sel.name.value;
        const f = fragments.get(name);
        if (!f || visiting.has(name)) continue;
        const key = `${name}:${page ?? ''}`;
        if (!memo.has(key)) {
          visiting.add(name);
          memo.set(key, ofSet(schema.getType(f.typeCondition.name.value), f.selectionSet, page));
          visiting.delete(name);
        }
        cost += memo.get(key)!;
      }
    }
    return cost;
  };
  const root = schema.getRootType(operation.operation);
  return (operation.operation === 'mutation' ? 10 : 0) + ofSet(root, operation.selectionSet, undefined);
}

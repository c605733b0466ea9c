/**
 * Operation limits (issue 14 item 5), shared by the gateway and the subgraphs like `identity/`: a
 * configuration and adapter layer over maintained code, so both sides refuse the same way with the
 * same code, and the subgraphs never import from the gateway.
 *
 * - Depth (fields, fragment spreads expanded), aliases and directives are counted by graphql-armor's
 *   validation rules (`@escape.tech/graphql-armor-max-depth`, `-max-aliases`, `-max-directives`),
 *   run through graphql-js's `validate`; their `onReject` hook turns armor's refusal into ours.
 * - The parser is graphql-js's own, with its `maxTokens`.
 * - Hand-written, because no maintained code here does it (see each): one lexer pass before the
 *   parser (tokens and textual depth), the root-field count, and the cost estimate.
 *
 * Each refusal: `extensions: { code: 'OPERATIE_TE_GROOT', limiet: { naam, maximum, env }, gevonden }`,
 * a Dutch message with the limit's name and numbers only — never any of the query.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
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
  validate,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
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
  /** Highest estimated cost (`MAX_COST`, see `operationCost`; a subgraph computes it on its own schema). */
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
 * many entities adds no tokens. Same body size: one body limit everywhere. Cost: a subgraph sizes
 * `_entities` by its representations, so the fetches of one operation add up to about the gateway's
 * estimate of it; twice that leaves room for the union and key fields the plans add.
 */
export function subgraphLimits(l: OperationLimits = DEFAULT_LIMITS): OperationLimits {
  return Object.freeze({
    ...l,
    tokens: l.tokens * 3,
    diepte: l.diepte + 4,
    aliassen: l.aliassen * 3 + l.hoofdvelden,
    hoofdvelden: l.hoofdvelden * 3,
    directives: l.directives * 3,
    kosten: l.kosten * 2,
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
 *
 * Hand-written on purpose: graphql-js's parser recurses once per nesting level, and armor's depth
 * rule runs only on a parsed document, so 100,000 nested inline fragments (with `MAX_TOKENS` set
 * high) would overflow the stack before any maintained limit saw them; this pass refuses them first
 * (a 400 with our code, never a 500). `parse(…, { maxTokens })` and armor's max-tokens stop at the
 * first token over the limit; this pass also gives the count a partner is told (`gevonden`).
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

type Report = (context: ValidationContext, naam: LimitName, maximum: number, gevonden: number | undefined) => void;

/** armor's `onReject` as ours: its message ends "…exceeded, found N." (exposeLimits), which is `gevonden`. */
function armorReject(naam: LimitName, maximum: number, report: Report) {
  return [(context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)\.?$/.exec(error.message);
    if (context) report(context, naam, maximum, found ? Number(found[1]) : undefined);
  }];
}

/**
 * Fields at the root of each operation, through inline fragments and spreads (each fragment counted
 * once, memoised). Hand-written: graphql-armor has no root-field limit.
 */
function maxRootFieldsRule(maximum: number, report: Report): ValidationRule {
  return (context) => {
    const memo = new Map<string, number>();
    const count = (set: SelectionSetNode, visiting: Set<string>): number => {
      let n = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) n++;
        else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, visiting);
        else {
          const name = sel.name.value;
          if (!memo.has(name)) {
            const f = context.getFragment(name);
            if (!f || visiting.has(name)) continue; // validation refuses unknown and cyclic fragments
            visiting.add(name);
            memo.set(name, count(f.selectionSet, visiting));
            visiting.delete(name);
          }
          n += memo.get(name)!;
        }
      }
      return n;
    };
    return {
      OperationDefinition(operation) {
        const n = count(operation.selectionSet, new Set());
        if (n > maximum) report(context, 'hoofdvelden', maximum, n);
      },
    };
  };
}

/**
 * The structural limits as validation rules, in the order a refusal names them. armor counts depth
 * in fields with spreads expanded (`flattenFragments`; inline fragments as levels are the lexer
 * pass's, since armor would count a spread as two levels), introspection included as before, and
 * every alias, `__typename`'s too.
 */
function limitRules(limits: OperationLimits, report: Report): ValidationRule[] {
  const armor = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...armor, n: limits.diepte, flattenFragments: true, ignoreIntrospection: false, onReject: armorReject('diepte', limits.diepte, report) }),
    maxAliasesRule({ ...armor, n: limits.aliassen, allowList: [], onReject: armorReject('aliassen', limits.aliassen, report) }),
    maxRootFieldsRule(limits.hoofdvelden, report),
    maxDirectivesRule({ ...armor, n: limits.directives, onReject: armorReject('directives', limits.directives, report) }),
  ];
}

/** The rules need no types (they count the document), so any valid schema will do for `validate`. */
const NO_TYPES = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { _: { type: GraphQLString } } }) });

/** Throws `OPERATIE_TE_GROOT` when one operation of the document is over a structural limit. */
export function checkDocument(document: DocumentNode, limits: OperationLimits): void {
  const refusals: GraphQLError[] = [];
  validate(NO_TYPES, document, limitRules(limits, (_context, naam, maximum, gevonden) => void refusals.push(limitError(naam, maximum, gevonden))));
  if (refusals[0]) throw refusals[0];
}

/**
 * Operation texts found within the limits before: a partner sends the same few operations again and
 * again with other variables, the gateway the same query plans to the subgraphs. Bounded in count
 * and in the length of a text it keeps; the oldest goes first.
 */
export interface KnownWithinLimits {
  has(text: string): boolean;
  add(text: string): void;
}

export function knownWithinLimits(maxTexts = 1_000, maxLength = 20_000): KnownWithinLimits {
  const texts = new Set<string>();
  return {
    has: (text) => texts.has(text),
    add(text) {
      if (text.length > maxLength || texts.has(text)) return;
      texts.add(text);
      if (texts.size > maxTexts) texts.delete(texts.values().next().value!);
    },
  };
}

/**
 * The first operation over a limit in a request body (or a batch of them); a plain syntax error is
 * left to the server to report in its own words. A text in `known` (for the same `limits`) is not
 * parsed again.
 */
export function firstOverLimit(body: unknown, limits: OperationLimits, known?: KnownWithinLimits): GraphQLError | undefined {
  for (const item of Array.isArray(body) ? body : [body]) {
    const query = item && typeof item === 'object' ? (item as { query?: unknown }).query : undefined;
    if (typeof query !== 'string' || known?.has(query)) continue;
    try {
      parseWithinLimits(query, limits);
      known?.add(query);
    } catch (error) {
      if (isLimitError(error)) return error;
    }
  }
  return undefined;
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
    // A backstop: the lexer pass above already bounds the parser's (and armor's) recursion.
    if (error instanceof RangeError) throw limitError('diepte', limits.diepte);
    if (error instanceof GraphQLError && error.extensions['code'] !== OPERATIE_TE_GROOT && /more than \d+ tokens/.test(error.message)) throw limitError('tokens', limits.tokens);
    throw error;
  }
}

/** The arguments whose value is a page's length (the argument's schema default when not given): ours, and Relay's `first` of a connection. */
const PAGE_ARGUMENTS = ['eerste', 'first'];

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (field.name === '_entities') {
    // A subgraph's entity fetch: as many entities as the gateway sent representations.
    const argDef = field.args.find((a) => a.name === 'representations');
    const arg = node.arguments?.find((a) => a.name.value === 'representations');
    const value = argDef && arg ? valueFromAST(arg.value, argDef.type, variables) : undefined;
    if (Array.isArray(value)) return value.length;
  }
  for (const argDef of field.args) {
    if (!PAGE_ARGUMENTS.includes(argDef.name)) continue;
    const arg = node.arguments?.find((a) => a.name.value === argDef.name);
    const value = arg ? valueFromAST(arg.value, argDef.type, variables) : argDef.defaultValue;
    if (typeof value === 'number' && value > 0) return value;
  }
  return undefined;
}

/**
 * Demand control's estimate, with the weights of Hive Gateway's `demandControl` (IBM cost spec
 * defaults): each object, interface or union costs 1, a scalar 0, a mutation 10 more; a list
 * multiplies what it holds by its page argument (`eerste` or `first`, or that argument's default), else by the
 * page argument of the field that holds it (a page object such as `InzagePagina.regels` or a connection's `edges`), else by
 * `lijstgrootte`. Computed on the whole operation before planning, so nothing reaches a subgraph
 * when it is over. Fragments are costed once each (by their type condition), so counting is linear.
 *
 * Hand-written, because neither maintained estimate meets that: Hive Gateway's `demandControl`
 * (gateway-runtime 2.12) costs each subgraph fetch in `onSubgraphExecute`, so the first fetch has
 * already gone out when the sum passes the maximum, a fragment's fields escape the multiplier of
 * the list that spreads it, and it refuses with its own `COST_ESTIMATED_TOO_EXPENSIVE`;
 * graphql-armor's cost-limit knows no schema, so no list sizes, and reads only literal
 * `first`/`last`, not `eerste` or a variable.
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

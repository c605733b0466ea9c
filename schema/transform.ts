/**
 * The one transformer every subgraph applies: it wraps each field that carries something about a
 * person (see `declarations.ts`) so that it resolves only when the dosing decision allows it, and
 * records every access and refusal. Fields are never added, removed or renamed (federation#1165).
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, getNamedType, responsePathAsArray, isCompositeType, type GraphQLFieldConfig, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Caller, CaseContext } from './context.js';
import { assertClosedWorld, dataObjectTypes, readDeclarations, type Declaration } from './declarations.js';
import { decideAny, type Decision, type FieldDeclaration } from './decide.js';
import { doseringGeweigerd } from './errors.js';

/** One access to, or refusal of, one field of one case: what the access log records. */
export interface AccessRecord {
  readonly trajectId: string;
  readonly betrokkene: string | null;
  readonly field: FieldDeclaration;
  readonly decision: Decision;
}

/** What the transformer needs from the request context. */
export interface DoseringRuntime {
  readonly caller: Caller;
  /** The case's policy context; `undefined` when it could not be loaded. Batched per request. */
  contextFor(trajectId: string): Promise<CaseContext | null | undefined>;
  /** Buffers an access record; the subgraph writes the buffer before the response leaves. */
  record(entry: AccessRecord): void;
  now(): number;
}
export interface DoseringContext {
  readonly dosering: DoseringRuntime;
}

/**
 * Resolvers return objects carrying the case they belong to under this key (a `Traject` carries it as
 * its `id`), so the transformer knows which policy context applies without a lookup of its own. The
 * transformer hands the key down to the objects a dosed field returns, so nested types need no help.
 */
export const TRAJECT_ID = 'trajectId';
/** The case entity: its own `id` is its case. */
const CASE_TYPE = 'Traject';

function caseOf(value: unknown, typeName: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v[TRAJECT_ID] === 'string') return v[TRAJECT_ID] as string;
  return typeName === CASE_TYPE && typeof v['id'] === 'string' ? (v['id'] as string) : undefined;
}

/** Objects a dosed field returns belong to the same case as their parent. */
function handDown(value: unknown, trajectId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => handDown(v, trajectId));
  if (value === null || typeof value !== 'object' || typeof (value as Record<string, unknown>)[TRAJECT_ID] === 'string') return value;
  return { ...(value as object), [TRAJECT_ID]: trajectId };
}

type Dosed = Exclude<Declaration, { kind: 'vrij' }>;

/**
 * A Relay connection (GraphQL Cursor Connections Specification: a type named `…Connection` with
 * `edges` and `pageInfo`) is a root list spread over a page: the page names no case, its edges each
 * name theirs (`trajectId`), so they are decided as the items of a root list are.
 */
function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return type.name.endsWith('Connection') && 'edges' in fields && 'pageInfo' in fields;
}

function decideDeclared(runtime: DoseringRuntime, ctx: CaseContext | null | undefined, d: Dosed, coordinate: string) {
  const fields = d.kind === 'dosering' ? [d.decl] : d.decls;
  const { decision, field } = decideAny(runtime.caller, ctx, fields, runtime.now());
  return { decision, field: { ...field, coordinate } };
}

/**
 * Wraps every dosed field of `schema` with the dosing decision; refuses to build a schema in which a
 * field does not declare what it carries. Returns a new schema.
 *
 * - A field of an object that belongs to a case is decided on that case as a whole: refused, it is
 *   `null` with the refusal — never an object, never a list of nulls, never a count.
 * - A root field that returns cases (`traject`, `trajecten`) is decided per case it returns: a case
 *   the caller may not know of is left out, exactly as if it did not exist. A root field that returns
 *   a connection (`trajectenPagina`) is decided the same way at the page's `edges`.
 * Every decision, existence included, becomes an access record.
 */
export function doseringTransformer(schema: GraphQLSchema): GraphQLSchema {
  assertClosedWorld(schema, 'subgraaf');
  const { byCoordinate } = readDeclarations(schema);
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  const connections = new Set(dataObjectTypes(schema).filter(isConnection).map((t) => t.name));
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName): GraphQLFieldConfig<unknown, DoseringContext> => {
      const coordinate = `${typeName}.${fieldName}`;
      const d = byCoordinate.get(coordinate);
      if (!d || d.kind === 'vrij') return fieldConfig;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const target = getNamedType(fieldConfig.type).name;
      const composite = isCompositeType(getNamedType(fieldConfig.type));
      // A dosed field handing out a page whose edges claim to be free would decide nothing at all.
      if (connections.has(target) && byCoordinate.get(`${target}.edges`)?.kind === 'vrij') {
        throw new Error(`${coordinate}: draagt persoonsgegevens, maar ${target}.edges is als vrij verklaard; de randen van een pagina worden per traject beslist`);
      }
      return {
        ...fieldConfig,
        resolve: async (parent, args, context, info) => {
          const runtime = context.dosering;
          const trajectId = caseOf(parent, typeName);
          if (trajectId === undefined && roots.has(typeName)) {
            const value = await resolve(parent, args, context, info);
            return connections.has(target) ? value : perCase(value, runtime, d, coordinate, target);
          }
          if (trajectId === undefined && connections.has(typeName) && fieldName === 'edges') {
            return perCase(await resolve(parent, args, context, info), runtime, d, coordinate, target);
          }
          const ctx = trajectId !== undefined ? await runtime.contextFor(trajectId) : undefined;
          const { decision, field } = decideDeclared(runtime, ctx, d, coordinate);
          runtime.record({ trajectId: trajectId ?? '', betrokkene: ctx?.betrokkene ?? null, field, decision });
          // Located here, with the field's nodes and path: graphql-js then passes it on as it is
          // instead of wrapping it in one more error (a stack capture and a formatting each).
          if (!decision.allowed) throw doseringGeweigerd(decision, coordinate, trajectId, { nodes: info.fieldNodes, path: responsePathAsArray(info.path) });
          const value = await resolve(parent, args, context, info);
          return composite && trajectId !== undefined ? handDown(value, trajectId) : value;
        },
      };
    },
  });
}

/** A root field's result, kept only where the caller may know of each case in it. */
async function perCase(value: unknown, runtime: DoseringRuntime, d: Dosed, coordinate: string, target: string): Promise<unknown> {
  const keep = async (item: unknown): Promise<boolean> => {
    if (item === null || item === undefined) return true;
    const trajectId = caseOf(item, target);
    // An object that names no case cannot be decided: closed by default, it is left out.
    const ctx = trajectId !== undefined ? await runtime.contextFor(trajectId) : undefined;
    const { decision, field } = decideDeclared(runtime, ctx, d, coordinate);
    runtime.record({ trajectId: trajectId ?? '', betrokkene: ctx?.betrokkene ?? null, field, decision });
    return decision.allowed;
  };
  if (Array.isArray(value)) {
    const verdicts = await Promise.all(value.map(keep));
    return value.filter((_, i) => verdicts[i]);
  }
  return (await keep(value)) ? value : null;
}

/**
 * The one transformer every subgraph applies: it wraps each field that carries `@dosering` (on the
 * field or on its type) so that it resolves only when the dosing decision allows it, and records
 * every access and refusal. Fields are never added, removed or renamed (federation#1165).
 */
import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import type { Caller, CaseContext } from './context.js';
import { decide, type Decision, type FieldDeclaration } from './decide.js';
import { DOSERING_DIRECTIVE } from './directives.js';
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
 * Resolvers of annotated types return objects carrying the case they belong to under this key, so
 * the transformer knows which policy context applies without a lookup of its own.
 */
export const TRAJECT_ID = 'trajectId';

type Declared = Omit<FieldDeclaration, 'coordinate'>;

/** Reads the `@dosering` declarations of a schema: per coordinate, the field's or its type's. */
export function doseringDeclarations(schema: GraphQLSchema): Map<string, FieldDeclaration> {
  const out = new Map<string, FieldDeclaration>();
  mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const onType = getDirective(schema, type, DOSERING_DIRECTIVE)?.[0] as Declared | undefined;
      for (const [name, field] of Object.entries(type.getFields())) {
        const decl = (getDirective(schema, field, DOSERING_DIRECTIVE)?.[0] as Declared | undefined) ?? onType;
        const coordinate = `${type.name}.${name}`;
        if (decl && name !== TRAJECT_ID) out.set(coordinate, { coordinate, ...decl });
      }
      return type;
    },
  });
  return out;
}

/** Wraps every declared field of `schema` with the dosing decision. Returns a new schema. */
export function doseringTransformer(schema: GraphQLSchema): GraphQLSchema {
  const declarations = doseringDeclarations(schema);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName): GraphQLFieldConfig<unknown, DoseringContext> => {
      const field = declarations.get(`${typeName}.${fieldName}`);
      if (!field) return fieldConfig;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      return {
        ...fieldConfig,
        resolve: async (parent, args, context, info) => {
          const runtime = context.dosering;
          const trajectId = (parent as Record<string, unknown> | null)?.[TRAJECT_ID];
          const ctx = typeof trajectId === 'string' ? await runtime.contextFor(trajectId) : undefined;
          const decision = decide(runtime.caller, ctx, field, runtime.now());
          runtime.record({
            trajectId: typeof trajectId === 'string' ? trajectId : '',
            betrokkene: ctx?.betrokkene ?? null,
            field,
            decision,
          });
          if (!decision.allowed) throw doseringGeweigerd(decision, field.coordinate, typeof trajectId === 'string' ? trajectId : undefined);
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}

/**
 * Builds the per-request dosing runtime: the policy contexts of all cases a request touches are
 * loaded in one batch (DataLoader), and access records are buffered for one write at the end.
 */
import DataLoader from 'dataloader';
import type { Caller, CaseContext } from '../../schema/context.js';
import type { AccessRecord, DoseringRuntime } from '../../schema/transform.js';
import type { PolicyContextSource } from './policy-context.js';

export interface RequestRuntime extends DoseringRuntime {
  readonly records: AccessRecord[];
}

export function createRequestRuntime(
  caller: Caller,
  authorization: string,
  source: PolicyContextSource,
  now: () => number,
  onLoadError: (error: unknown) => void,
  traceparent?: string,
): RequestRuntime {
  const records: AccessRecord[] = [];
  const loader = new DataLoader<string, CaseContext | null | undefined>(async (ids) => {
    try {
      const found = await source(caller, authorization, ids, traceparent);
      return ids.map((id) => found.get(id) ?? null);
    } catch (error) {
      onLoadError(error);
      return ids.map(() => undefined);
    }
  });
  return {
    caller,
    records,
    contextFor: (id) => loader.load(id),
    record: (entry) => void records.push(entry),
    now,
  };
}

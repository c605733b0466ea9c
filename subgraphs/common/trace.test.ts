import { describe, expect, it } from 'vitest';
import { outgoingTraceparent, traceFrom } from './trace.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('traceFrom (W3C traceparent)', () => {
  it('continues the caller’s trace with a new span of its own, the caller’s span as parent', () => {
    const ids = traceFrom(`00-${TRACE}-${SPAN}-01`);
    expect(ids).toEqual({ traceId: TRACE, spanId: expect.stringMatching(/^[0-9a-f]{16}$/), parentSpanId: SPAN, sampled: true });
    expect(ids.spanId).not.toBe(SPAN);
    expect(traceFrom(`00-${TRACE}-${SPAN}-01`).spanId).not.toBe(ids.spanId);
  });

  it('passes the caller’s decision not to sample on, so a trace is recorded everywhere or nowhere', () => {
    const ids = traceFrom(`00-${TRACE}-${SPAN}-00`);
    expect(ids.sampled).toBe(false);
    expect(outgoingTraceparent(ids)).toBe(`00-${TRACE}-${ids.spanId}-00`);
    expect(outgoingTraceparent(traceFrom(`00-${TRACE}-${SPAN}-01`))).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
  });

  it('starts a new trace without parent for a missing or invalid header, never half-trusting one', () => {
    for (const bad of [undefined, null, '', 'rubbish', `00-${'0'.repeat(32)}-${SPAN}-01`, `00-${TRACE}-${'0'.repeat(16)}-01`, `ff-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}`]) {
      const ids = traceFrom(bad);
      expect(ids.parentSpanId).toBeNull();
      expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(ids.traceId).not.toBe(TRACE);
    }
  });
});

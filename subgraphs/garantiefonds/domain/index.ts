/** The guarantee fund's domain rules: pure functions, plain data in, plain data or a typed refusal out. */
export * from './errors.js';
export * from './money.js';
export * from './parties.js';
export * from './contributions.js';
export * from './ledger.js';
export * from './personal-data-guard.js';
export * from './claims.js';
export * from './aanvraag.js';
export * from './decision.js';
export * from './payout.js';
export * from './ending.js';
export * from './indiening.js';
export * from './voorzitter.js';
export * from './aanvulling.js';

/**
 * Retention of the guarantee fund: a claim (its form, by case code) and a recorded negligence go
 * with their case. The money stays: the ledger, the rounds, the contributions and the parties carry
 * no case data (a payout names only the claim's opaque id and the corporation) and the fund must
 * account for every cent (DESIGN §4; the ledger is append-only). Fiscal retention (7 years) ends
 * before a claim's case expires: claims follow a lease, so the 15-year term applies.
 */
import { retentieVanTabellen, type SubgraphRetentie } from '../common/retention/types.js';
import { aanvragen, nalatigheden } from './db/tables.js';

const TABELLEN = { aanvragen, nalatigheden } as const;

export const garantiefondsRetentie: SubgraphRetentie = retentieVanTabellen('garantiefonds', TABELLEN, {
  deelnemers: 'the fund’s parties: organisations, no case data',
  bijdrageronden: 'calls for contributions: organisations and amounts, no case data',
  bijdragen: 'contributions of organisations, no case data',
  grootboek: 'the ledger is append-only: every mutation of money stays traceable; a payout names only the claim id',
});

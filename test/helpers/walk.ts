/**
 * Walks one case through the routeplanner via the gateway with each party's own token, as partner
 * systems would: the steps of `scripts/walk/steps.ts` (the README's walk), one stretch at a time.
 * Shared by the scenario tests; each stretch returns the case's new version.
 */
import { walkEtappes, type WalkedCase } from '../../scripts/walk/steps.js';
import type { TestFederation } from './federation.js';

export { ANTARES, BSN, GEMEENTE_VENLO, GEZONDHEID, LEGER, PROFIEL, REGISSEUR_NL, VOORZITTER_NL, WOONWENZ, type WalkedCase } from '../../scripts/walk/steps.js';

const send = (fed: TestFederation) => (persona: Parameters<TestFederation['gql']>[0], operatie: string, variabelen: Record<string, unknown>) => fed.gql(persona, operatie, variabelen);

/** From melding to the end of the research: the gemeente's part. */
export function toOnderzoek(fed: TestFederation, naam = 'Piet Proef'): Promise<WalkedCase> {
  return walkEtappes(send(fed), ['ONDERZOEK'], null, { naam });
}

/** The hand-over: target group, signed plan, hand-over consent, then OVERGEDRAGEN. */
export function toBemiddeling(fed: TestFederation, c: WalkedCase, now = new Date()): Promise<WalkedCase> {
  return walkEtappes(send(fed), ['BEMIDDELING'], c, { now });
}

/** The regisseur's profile and selection (woonwenz and antares unless named), then to the Woonkans-overleg. */
export function toCorporatiegesprek(fed: TestFederation, c: WalkedCase, corporaties?: readonly string[]): Promise<WalkedCase> {
  return walkEtappes(send(fed), ['CORPORATIEGESPREK'], c, corporaties ? { corporaties } : {});
}

/** The overleg's interest and the match with woonwenz. */
export function toHuurovereenkomst(fed: TestFederation, c: WalkedCase): Promise<WalkedCase> {
  return walkEtappes(send(fed), ['HUUROVEREENKOMST'], c);
}

/** The matched corporation signs the three-party lease with the care provider. */
export function toGehuisvest(fed: TestFederation, c: WalkedCase): Promise<WalkedCase> {
  return walkEtappes(send(fed), ['GEHUISVEST'], c);
}

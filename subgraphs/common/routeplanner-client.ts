/**
 * How the gemeente and corporatie subgraphs record routeplanner acts that start in their own data
 * (a melding, a signed plan, a signed or ended lease): a call to the regisseur's routeplanner with
 * the caller's own token, so the regisseur applies exactly the rules it applies to its own
 * mutations, the acts table included.
 */
import { GraphQLError } from 'graphql';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { ErrorCode } from '../../schema/errors.js';
import { postJson } from './post-json.js';

export const ROUTEPLANNER_PATH = '/routeplanner';

export type RouteplannerAct =
  | { act: 'OPEN'; trajectId: string; gemeente: string; betrokkene: string; melder?: string | null; machtigingOp?: string | null }
  | { act: 'FEIT'; trajectId: string; feit: 'ONDERSTEUNINGSPLAN_ONDERTEKEND' | 'DOELGROEP_BEOORDEELD' }
  | { act: 'HANDELING'; trajectId: string; handeling: string; versie: number; zorgaanbieder?: string | null; borgCent?: number | null; reden?: string | null }
  | { act: 'HUUR_BEEINDIGD'; trajectId: string; beeindiging: 'POSITIEF' | 'ONTRUIMD' | 'VERTROKKEN'; datum: string };

export interface TrajectStand {
  readonly id: string;
  readonly code: string;
  readonly fase: string;
  readonly versie: number;
}

export type Routeplanner = (authorization: string, act: RouteplannerAct, traceparent?: string) => Promise<TrajectStand>;

export function remoteRouteplanner(url: string, timeoutMs = 5000): Routeplanner {
  const endpoint = new URL(ROUTEPLANNER_PATH, url);
  return async (authorization, act, traceparent) => {
    // The regisseur's refusal passes through with its own code (a catalogued one, set by `weigering`
    // there); from JSON it is not checked again, so a newer regisseur's code is kept, not masked.
    let json: { traject?: TrajectStand; fout?: { code: Foutcode; message: string; extensions?: Record<string, unknown> } };
    try {
      json = (await postJson(endpoint, act, { authorization, ...(traceparent ? { traceparent } : {}) }, timeoutMs)).body as typeof json;
    } catch {
      // Unreachable, too slow, or an answer that is no JSON (a proxy's error page): nothing was recorded here.
      throw new GraphQLError('De routeplanner is niet bereikbaar; er is niets vastgelegd.', {
        extensions: { code: 'ROUTEPLANNER_ONBEREIKBAAR' },
      });
    }
    if (json.fout) throw new GraphQLError(json.fout.message, { extensions: { ...json.fout.extensions, code: json.fout.code } });
    if (!json.traject) throw new GraphQLError('Onverwacht antwoord van de routeplanner.', { extensions: { code: ErrorCode.NIET_GEVONDEN } });
    return json.traject;
  };
}

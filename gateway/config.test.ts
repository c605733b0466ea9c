import { describe, expect, it } from 'vitest';
import { gatewayConfigFromEnv, parseCorsOrigins } from './config.js';

describe('gateway configuration', () => {
  it('runs the development issuer only in the demo, and needs JWKS_URL otherwise', () => {
    expect(() => gatewayConfigFromEnv({})).toThrow(/JWKS_URL ontbreekt/);
    // The old switch no longer turns the issuer on.
    expect(() => gatewayConfigFromEnv({ DEV_ISSUER: 'true' })).toThrow(/JWKS_URL ontbreekt/);
    expect(gatewayConfigFromEnv({ JWKS_URL: 'https://idp.example/jwks.json' })).toMatchObject({ devIssuer: false, auth: { jwksUrl: 'https://idp.example/jwks.json' } });
    expect(gatewayConfigFromEnv({ PORT: '4100' }, { demo: true })).toMatchObject({ devIssuer: true, auth: { jwksUrl: 'http://127.0.0.1:4100/dev/jwks.json' } });
  });

  it('reads the token bounds, refusing nonsense at boot', () => {
    const env = { JWKS_URL: 'https://idp.example/jwks.json' };
    expect(gatewayConfigFromEnv(env).auth.policy).toEqual({ maxLifetimePerson: 3600, maxLifetimeMachine: 900, clockSkew: 60 });
    expect(gatewayConfigFromEnv({ ...env, TOKEN_MAX_LIFETIME_S: '1800', TOKEN_CLOCK_SKEW_S: '0' }).auth.policy).toMatchObject({ maxLifetimePerson: 1800, clockSkew: 0 });
    expect(() => gatewayConfigFromEnv({ ...env, TOKEN_MAX_LIFETIME_MACHINE_S: 'kwartier' })).toThrow(/TOKEN_MAX_LIFETIME_MACHINE_S/);
  });

  it('leaves trusted documents off by default, and takes only verplicht or uit', () => {
    const env = { JWKS_URL: 'https://idp.example/jwks.json' };
    expect(gatewayConfigFromEnv(env).vertrouwdeDocumenten).toBe('uit');
    expect(gatewayConfigFromEnv({ ...env, VERTROUWDE_DOCUMENTEN: 'verplicht' }).vertrouwdeDocumenten).toBe('verplicht');
    expect(() => gatewayConfigFromEnv({ ...env, VERTROUWDE_DOCUMENTEN: 'aan' })).toThrow(/VERTROUWDE_DOCUMENTEN moet verplicht of uit zijn/);
  });

  it('sheds on event-loop delay from 1000 ms by default, 0 switching it off, and refuses nonsense at boot', () => {
    const env = { JWKS_URL: 'https://idp.example/jwks.json' };
    expect(gatewayConfigFromEnv(env).maxEventLoopDelayMs).toBe(1000);
    expect(gatewayConfigFromEnv({ ...env, MAX_EVENT_LOOP_DELAY_MS: '0' }).maxEventLoopDelayMs).toBe(0);
    expect(() => gatewayConfigFromEnv({ ...env, MAX_EVENT_LOOP_DELAY_MS: '-5' })).toThrow(/MAX_EVENT_LOOP_DELAY_MS moet een niet-negatief geheel getal zijn/);
    expect(() => gatewayConfigFromEnv({ ...env, MAX_IN_FLIGHT: '0' })).toThrow(/MAX_IN_FLIGHT moet een positief geheel getal zijn/);
  });

  it('allows no cross-origin caller by default, and only exact origins', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(' https://a.example , http://localhost:5173 ')).toEqual(['https://a.example', 'http://localhost:5173']);
    for (const bad of ['*', 'https://a.example/', 'https://a.example/pad', 'a.example', 'null']) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});

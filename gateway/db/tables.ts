/**
 * The gateway's only table: the token ids it has seen (NL GOV replay check), in its own Postgres
 * schema so its replicas share it. The gateway holds no personal data.
 */
import { pgSchema } from 'drizzle-orm/pg-core';
import { jtiTable } from '../../schema/identity/jti-register.js';

export const gateway = pgSchema('gateway');

export const tokenJti = jtiTable(gateway);

/**
 * A minimal node:http integration for Apollo Server (its documented `executeHTTPGraphQLRequest`
 * API), so a subgraph can serve `/graphql` beside its own plain routes (health, policy context)
 * without a web framework.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type ContextThunk } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Route = (req: IncomingMessage, body: unknown) => Promise<{ status: number; json: unknown }>;

export interface HttpOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly context: (req: IncomingMessage) => ReturnType<ContextThunk<TContext>>;
  /** Plain JSON routes, by `METHOD /path`. */
  readonly routes?: Record<string, Route>;
  /** Largest request body accepted. @default 1 MiB */
  readonly maxBodyBytes?: number;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}

export function createHttpServer<TContext extends BaseContext>(options: HttpOptions<TContext>): Server {
  const { apollo, routes = {}, maxBodyBytes = 1 << 20 } = options;
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://subgraph');
      const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, { error: 'ONGELDIGE_JSON' });
        }
        const out = await route(req, body);
        return sendJson(res, out.status, out.json);
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'NIET_GEVONDEN' });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = raw;
      if (raw && headers.get('content-type')?.includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw; // Apollo answers a malformed body with its own 400.
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) sendJson(res, status, { error: status === 413 ? 'TE_GROOT' : 'INTERNE_FOUT' });
      else res.end();
    }
  });
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return `http://${host}:${actual}`;
}

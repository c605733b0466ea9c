/**
 * Connection handling shared by the gateway and the subgraphs: how they listen, and how long an
 * idle connection is held.
 */
import type { Server } from 'node:http';

/**
 * Node closes an idle keep-alive connection after 5 s by default, while clients reuse one for up to
 * about as long (undici: the server's hint minus 1 s). A request sent on a connection the server is
 * just closing is reset (ECONNRESET, "other side closed"), and under load — when the event loop
 * runs its timers late — that race is common: the long fuzz saw 62 resets in 7,000 requests. With
 * a server timeout longer than clients' and proxies' idle timeouts (60 s is common), the client
 * closes first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function holdIdleConnections<T extends Server>(server: T): T {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires the headers timeout to exceed the keep-alive timeout, or a slow first request on
  // a reused connection could be cut by the wrong timer.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return server;
}

/** Listens on `port` and `host`; resolves with the server's URL. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
}

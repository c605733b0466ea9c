/** Loads the checked-in supergraph and points each subgraph at its configured URL. */
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../schema/supergraph-file.js';

export { SUPERGRAPH_FILE };

export function loadSupergraph(urls: Readonly<Record<string, string>>, file: URL = SUPERGRAPH_FILE): string {
  const sdl = readFileSync(file, 'utf8');
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`geen URL geconfigureerd voor subgraph ${name}`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
}

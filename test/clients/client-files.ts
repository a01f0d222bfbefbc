/** Where the non-TypeScript client programs live: in the source tree, beside this file's source. */
import { fileURLToPath } from 'node:url';

/** `test/clients/<relative>` in the repository, whether running from src or from dist. */
export function clientFile(relative: string): string {
  // Compiled to dist/test/clients/client-files.js; the programs are not copied to dist.
  const here = new URL('.', import.meta.url);
  const fromDist = here.pathname.includes('/dist/test/clients/');
  return fileURLToPath(new URL(fromDist ? `../../../test/clients/${relative}` : relative, here));
}

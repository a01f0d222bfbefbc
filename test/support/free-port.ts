import { createServer } from 'node:net';

/**
 * Asks the kernel for a free TCP port on `host` by binding port 0 and releasing it. Another
 * process could take it before the caller binds; for a private test server that race is rare.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

import { startLakegate } from '../main.js';
import type { CliOptions } from './cli-main.js';

/** `lakegate serve`: runs until SIGINT/SIGTERM, then drains and exits 0. */
export async function serveCommand(options: CliOptions): Promise<number> {
  const server = await startLakegate({
    ...options,
    ...(options.config === undefined ? {} : { configFile: options.config }),
    env: process.env,
  });
  const { host, port, config } = server;
  process.stderr.write(
    `lakegate is ready. Connect with:\n  psql "host=${host} port=${port} dbname=${config.defaultCatalog}"\n` +
      (options.demo ? `  then: SELECT * FROM sample.orders LIMIT 5;\n` : ''),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stderr.write('lakegate: shutting down (running statements may finish)\n');
  await server.close();
  return 0;
}

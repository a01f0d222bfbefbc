/**
 * Starts lakegate in-process (src/main.ts `startLakegate`) over a temp warehouse with the demo
 * data, on a free loopback port; clients use dbname `local`, the default catalog.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/common/logger.js';
import { startLakegate } from '../../src/main.js';
import type { TestTarget } from './test-target.js';

export async function startLakegateTarget(): Promise<TestTarget> {
  const warehouse = mkdtempSync(join(tmpdir(), 'lakegate-warehouse-'));
  // If the test process dies without close(), do not leave the warehouse behind.
  const removeOnExit = (): void => rmSync(warehouse, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  try {
    // env {} keeps LAKEGATE_* variables of the developer's shell out of the tests.
    const server = await startLakegate({
      host: '127.0.0.1',
      port: 0,
      warehouse,
      demo: true,
      env: {},
      logger: silentLogger,
    });
    const close = async (): Promise<void> => {
      process.off('exit', removeOnExit);
      await server.close();
      removeOnExit();
    };
    return {
      kind: 'lakegate',
      host: server.host,
      port: server.port,
      database: 'local',
      user: 'lakegate',
      close,
    };
  } catch (error) {
    process.off('exit', removeOnExit);
    removeOnExit();
    throw error;
  }
}

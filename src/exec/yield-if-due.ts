/**
 * Statements whose operators never wait on I/O run entirely in microtasks, and timers
 * and sockets are macrotasks: without a pause a long CPU-bound join would hold the
 * event loop, so statement_timeout could not fire and a CancelRequest (which arrives on
 * a new connection) could not be read. Long loops call this; it gives the loop one turn
 * when the thread has been busy for YIELD_AFTER_MS.
 */
const YIELD_AFTER_MS = 20;
let lastTurn = performance.now();

export async function yieldIfDue(): Promise<void> {
  if (performance.now() - lastTurn < YIELD_AFTER_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

import type { AuthExchange, AuthStep } from './authenticator.js';
import { protocolViolation } from './auth-errors.js';

/**
 * The step returned when a message arrives after the exchange ended. The
 * connection never forwards one under the contract; answering with a protocol
 * violation (rather than throwing) keeps a misbehaving client from reaching our
 * error path as an internal error.
 */
export const afterFinish = (): AuthStep => ({
  kind: 'fail',
  error: protocolViolation('unexpected message after authentication finished'),
});

/** An exchange decided before any message: trust (ok) or rejection (fail). */
export function immediateExchange(result: AuthStep): AuthExchange {
  return {
    start: () => result,
    step: afterFinish,
  };
}

import type { FunctionCatalog } from '../../planner/plan/function-catalog.js';
import { aggregateResolver, windowResolver } from './function-catalog-aggregates.js';
import { scalarResolver } from './function-catalog-scalars.js';

/** Every function the executor can run, as the binder resolves them (planner/plan/function-catalog.ts). */
export const functionCatalog: FunctionCatalog = {
  scalar: scalarResolver,
  aggregate: aggregateResolver,
  window: windowResolver,
};

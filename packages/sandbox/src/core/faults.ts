import { createPrng, type Prng } from './prng';

/** Injected failures, switched through the control API. All off by default. */
export interface FaultState {
  /** Added delay before every Harvest response, in ms. */
  latencyMs: number;
  /** Share (0..1) of requests answered with `errorStatus`. */
  errorRate: number;
  errorStatus: number;
  /** The next N requests get 429 (a storm), with or without `Retry-After`. */
  storm429: number;
  storm429RetryAfter: boolean;
  /** The next N requests have their connection reset. */
  resetConnections: number;
  /** The next N responses are cut off mid-body. */
  truncateBodies: number;
  /** Only paths starting with this prefix are affected. */
  pathPrefix: string;
  /** Deterministic dice for `errorRate`. */
  rng: Prng;
}

/** A fresh, fault-free state. */
export function createFaultState(seed: string | number = 'faults'): FaultState {
  return {
    latencyMs: 0,
    errorRate: 0,
    errorStatus: 500,
    storm429: 0,
    storm429RetryAfter: true,
    resetConnections: 0,
    truncateBodies: 0,
    pathPrefix: '/',
    rng: createPrng(seed),
  };
}

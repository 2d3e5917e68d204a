/** Id ranges shaped like Harvest's (fact sheet samples), unique across accounts. */
const BASES = {
  account: 1_278_450,
  identity: 4_108_000,
  user: 3_230_500,
  role: 617_600,
  rate: 1_800_000,
  client: 15_058_200,
  project: 41_068_200,
  task: 22_630_600,
  userAssignment: 469_091_500,
  taskAssignment: 451_231_200,
  invoice: 23_831_200,
  lineItem: 109_677_200,
  payment: 20_880_000,
  message: 25_900_000,
  expenseCategory: 4_200_000,
  expense: 15_296_000,
} as const;

export type IdKind = keyof typeof BASES;

/** Hands out increasing ids per kind. */
export interface IdAllocator {
  next(kind: IdKind): number;
}

/**
 * @example
 * const ids = createIdAllocator();
 * ids.next('user'); // 3230501
 */
export function createIdAllocator(): IdAllocator {
  const counters = new Map<IdKind, number>();
  return {
    next(kind) {
      const value = (counters.get(kind) ?? BASES[kind]) + 1;
      counters.set(kind, value);
      return value;
    },
  };
}

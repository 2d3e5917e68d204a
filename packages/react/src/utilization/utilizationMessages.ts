/**
 * Default English strings of the utilization overview; override any of them through the provider's `messages`.
 *
 * @example
 * <HarvestConnectProvider messages={{ utilizationTitle: 'Team load' }} ... />
 */
export const utilizationMessages = {
  utilizationTitle: 'Utilization',
  utilizationWeek: (from: string, to: string) => `${from} – ${to}`,
  utilizationEmployees: 'Employees',
  utilizationContractors: 'Contractors',
  utilizationPerson: 'Person',
  utilizationHours: 'Hours',
  utilizationCapacity: 'Capacity',
  utilizationPercent: 'Utilization',
  utilizationOver: 'Over capacity',
  utilizationUnder: 'Under capacity',
  utilizationOk: 'On track',
  utilizationLoading: 'Loading utilization…',
  utilizationEmpty: 'No one tracked time this week.',
  utilizationError: 'Utilization could not be loaded.',
  utilizationRetry: 'Retry',
};

/** The strings of the utilization overview. */
export type UtilizationMessages = typeof utilizationMessages;

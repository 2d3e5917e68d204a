/**
 * Default English strings of the user picker; override any of them through the provider's `messages`.
 *
 * @example
 * <HarvestConnectProvider messages={{ userPickerLabel: 'Assignees' }} ... />
 */
export const userPickerMessages = {
  userPickerLabel: 'People',
  userPickerPlaceholder: 'Search by name or email',
  userPickerLoading: 'Loading people…',
  userPickerEmpty: 'No people match',
  userPickerError: 'People could not be loaded.',
  userPickerRetry: 'Retry',
  userPickerCount: (count: number) => (count === 1 ? '1 person' : `${count} people`),
  userPickerRemove: (name: string) => `Remove ${name}`,
  userPickerContractor: 'Contractor',
  userPickerInactive: 'Inactive',
  userPickerFilterRole: 'Role',
  userPickerFilterAllRoles: 'All roles',
  userPickerFilterType: 'Type',
  userPickerFilterAllTypes: 'Everyone',
  userPickerFilterEmployees: 'Employees',
  userPickerFilterContractors: 'Contractors',
  userPickerFilterStatus: 'Status',
  userPickerFilterActive: 'Active',
  userPickerFilterInactive: 'Inactive',
  userPickerFilterAnyStatus: 'Any status',
  userPickerSelected: 'Selected people',
};

/** The strings of the user picker. */
export type UserPickerMessages = typeof userPickerMessages;

/** Harvest `date`: `"2017-12-31"`. */
export type HarvestDate = string;
/** Harvest `datetime`: ISO-8601 UTC, `"2017-12-31T14:59:22Z"`. */
export type HarvestDateTime = string;

/** The `{ id, name }` reference Harvest nests inside other objects. */
export interface HarvestRef {
  id: number;
  name: string;
}

/** Harvest's access roles. A manager can hold extra manager permissions. */
export type HarvestAccessRole =
  | 'administrator'
  | 'manager'
  | 'member'
  | 'project_creator'
  | 'billable_rates_manager'
  | 'managed_projects_invoice_drafter'
  | 'managed_projects_invoice_manager'
  | 'client_and_task_manager'
  | 'time_and_expenses_manager'
  | 'estimates_manager'
  | 'people_manager';

/** The three base access roles; every user holds exactly one of them. */
export type HarvestBaseAccessRole = 'administrator' | 'manager' | 'member';

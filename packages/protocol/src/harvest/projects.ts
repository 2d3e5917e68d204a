import type { HarvestDate, HarvestDateTime, HarvestRef } from './common';

/** `GET /v2/clients/{id}` (fact sheet §5.8). */
export interface HarvestClient {
  id: number;
  name: string;
  is_active: boolean;
  address: string | null;
  statement_key: string;
  currency: string;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

export type HarvestBillBy = 'Project' | 'Tasks' | 'People' | 'none';
export type HarvestBudgetBy = 'project' | 'project_cost' | 'task' | 'task_fees' | 'person' | 'none';

/** `GET /v2/projects/{id}` (fact sheet §5.9). */
export interface HarvestProject {
  id: number;
  client: HarvestRef & { currency: string };
  name: string;
  code: string | null;
  is_active: boolean;
  is_billable: boolean;
  is_fixed_fee: boolean;
  bill_by: HarvestBillBy;
  hourly_rate: number | null;
  budget_by: HarvestBudgetBy;
  budget_is_monthly: boolean;
  budget: number | null;
  cost_budget: number | null;
  cost_budget_include_expenses: boolean;
  notify_when_over_budget: boolean;
  over_budget_notification_percentage: number;
  over_budget_notification_date: HarvestDate | null;
  show_budget_to_all: boolean;
  fee: number | null;
  notes: string | null;
  starts_on: HarvestDate | null;
  ends_on: HarvestDate | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/tasks/{id}` (fact sheet §5.10). */
export interface HarvestTask {
  id: number;
  name: string;
  billable_by_default: boolean;
  default_hourly_rate: number | null;
  is_default: boolean;
  is_active: boolean;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

export type HarvestProjectRef = HarvestRef & { code: string | null };

/** `GET /v2/user_assignments` (fact sheet §5.11). */
export interface HarvestUserAssignment {
  id: number;
  project: HarvestProjectRef;
  user: HarvestRef;
  is_active: boolean;
  is_project_manager: boolean;
  use_default_rates: boolean;
  hourly_rate: number | null;
  budget: number | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/task_assignments` (fact sheet §5.11). */
export interface HarvestTaskAssignment {
  id: number;
  project: HarvestProjectRef;
  task: HarvestRef;
  is_active: boolean;
  billable: boolean;
  hourly_rate: number | null;
  budget: number | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/users/me/project_assignments` (fact sheet §5.4): active assignments with their tasks. */
export interface HarvestProjectAssignment {
  id: number;
  is_project_manager: boolean;
  is_active: boolean;
  use_default_rates: boolean;
  hourly_rate: number | null;
  budget: number | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
  project: HarvestProjectRef;
  client: HarvestRef;
  task_assignments: Array<Omit<HarvestTaskAssignment, 'project'>>;
}

import type { HarvestDate, HarvestDateTime, HarvestRef } from './common';
import type { HarvestProjectRef } from './projects';

/**
 * Links a time entry to an item of another product (fact sheet §6.4). Harvest fills `service` and
 * `service_icon_url`; sub-field types are unverified, so readers accept strings or numbers.
 */
export interface HarvestExternalReference {
  id: string;
  group_id: string | null;
  account_id: string | null;
  permalink: string;
  service: string | null;
  service_icon_url: string | null;
}

/** What a client may send: `service` fields are Harvest's own. */
export interface HarvestExternalReferenceInput {
  id: string | number;
  group_id?: string | number | null;
  account_id?: string | number | null;
  permalink: string;
}

export type HarvestApprovalStatus = 'unsubmitted' | 'submitted' | 'approved';

/** `GET /v2/time_entries/{id}` (fact sheet §5.5). Ids exceed 2^31. */
export interface HarvestTimeEntry {
  id: number;
  spent_date: HarvestDate;
  user: HarvestRef;
  client: HarvestRef & { currency: string };
  project: HarvestProjectRef;
  task: HarvestRef;
  user_assignment: {
    id: number;
    is_project_manager: boolean;
    is_active: boolean;
    use_default_rates: boolean;
    budget: number | null;
    hourly_rate: number | null;
    created_at: HarvestDateTime;
    updated_at: HarvestDateTime;
  };
  task_assignment: {
    id: number;
    billable: boolean;
    is_active: boolean;
    hourly_rate: number | null;
    budget: number | null;
    created_at: HarvestDateTime;
    updated_at: HarvestDateTime;
  };
  external_reference: HarvestExternalReference | null;
  invoice: { id: number; number: string } | null;
  /** Includes the elapsed time of a running timer. */
  hours: number;
  hours_without_timer: number;
  rounded_hours: number;
  notes: string | null;
  is_locked: boolean;
  locked_reason: string | null;
  is_closed: boolean;
  approval_status: HarvestApprovalStatus;
  is_billed: boolean;
  timer_started_at: HarvestDateTime | null;
  /** Timestamp mode only, formatted per the company clock (`"8:00am"` or `"08:00"`). */
  started_time: string | null;
  ended_time: string | null;
  is_running: boolean;
  billable: boolean;
  budgeted: boolean;
  billable_rate: number | null;
  cost_rate: number | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/expenses/{id}` (fact sheet §5.12). */
export interface HarvestExpense {
  id: number;
  spent_date: HarvestDate;
  user: HarvestRef;
  client: HarvestRef & { currency: string };
  project: HarvestProjectRef;
  expense_category: { id: number; name: string; unit_price: number | null; unit_name: string | null };
  user_assignment: HarvestTimeEntry['user_assignment'];
  receipt: { url: string; file_name: string; file_size: number; content_type: string } | null;
  invoice: { id: number; number: string } | null;
  notes: string | null;
  units: number | null;
  total_cost: number;
  billable: boolean;
  is_closed: boolean;
  is_locked: boolean;
  is_billed: boolean;
  locked_reason: string | null;
  approval_status: HarvestApprovalStatus;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** One row of `GET /v2/reports/time/team` (fact sheet §5.13). */
export interface HarvestTeamTimeReportRow {
  user_id: number;
  user_name: string;
  is_contractor: boolean;
  total_hours: number;
  billable_hours: number;
  currency: string;
  billable_amount: number;
  weekly_capacity: number;
  avatar_url: string;
}

/** One row of `GET /v2/reports/uninvoiced` (fact sheet §5.13). */
export interface HarvestUninvoicedReportRow {
  client_id: number;
  client_name: string;
  project_id: number;
  project_name: string;
  currency: string;
  total_hours: number;
  uninvoiced_hours: number;
  uninvoiced_expenses: number;
  uninvoiced_amount: number;
}

/** Totals every `GET /v2/reports/time/*` row carries (fact sheet §5.13). */
export interface HarvestTimeReportTotals {
  total_hours: number;
  billable_hours: number;
  currency: string;
  billable_amount: number;
}

/** Rows of `/reports/time/clients`, `/projects` and `/tasks`: the subject's id and name plus totals. */
export type HarvestClientTimeReportRow = HarvestTimeReportTotals & { client_id: number; client_name: string };
export type HarvestProjectTimeReportRow = HarvestTimeReportTotals & {
  project_id: number;
  project_name: string;
  client_id: number;
  client_name: string;
};
export type HarvestTaskTimeReportRow = HarvestTimeReportTotals & { task_id: number; task_name: string };

import type { HarvestCompany } from './harvest/company';
import type { HarvestInvoice, HarvestInvoicePayment, HarvestInvoiceState } from './harvest/invoices';
import type { HarvestProjectAssignment } from './harvest/projects';
import type { HarvestExternalReferenceInput, HarvestTimeEntry } from './harvest/time';

/**
 * The typed tools of the Harvest Connect data API (`/v1/tools/...`). Each takes an integrated account from the
 * caller's credentials (a session token, or an API key with `integrated_account_id`). Harvest objects pass
 * through as Harvest shapes them, plus the few fields we derive (named here).
 */

/** `GET /v1/tools/time-entries`: Harvest's filters, answered as `ListResponse<HarvestTimeEntry>`. */
export interface ListTimeEntriesQuery {
  from?: string;
  to?: string;
  user_id?: number;
  project_id?: number;
  client_id?: number;
  is_billed?: boolean;
  is_running?: boolean;
  external_reference_id?: string;
  updated_since?: string;
  cursor?: string;
  limit?: number;
}

/** `POST /v1/tools/timers`: start a timer for the caller (duration or timestamp mode per the company). */
export interface StartTimerRequest {
  project_id: number;
  task_id: number;
  notes?: string;
  /** Defaults to today in the Harvest user's timezone. */
  spent_date?: string;
  external_reference?: HarvestExternalReferenceInput;
}

/**
 * `GET /v1/tools/timers/running?external_reference_id=...`: the caller's running timer, for that item or any.
 * `result` is null when nothing runs.
 */
export interface RunningTimerResponse {
  result: HarvestTimeEntry | null;
}

/**
 * `POST /v1/tools/timers` and `.../:id/stop|restart` answer the entry they produced, plus the timer that Harvest
 * stopped because one person has one running timer (`stopped`), so every widget can update at once.
 */
export interface TimerChangeResponse {
  result: HarvestTimeEntry;
  stopped: HarvestTimeEntry | null;
}

/** `GET /v1/tools/my-assignments`: the caller's active projects and tasks. */
export type MyAssignmentsResponse = { result: HarvestProjectAssignment[]; next_cursor: string | null };

/**
 * `GET /v1/tools/company`: the Harvest company of the caller's account. Widgets read `wants_timestamp_timers`
 * (timer mode), `clock`, `time_format` and `weekly_capacity` (seconds) from it.
 */
export interface CompanyResponse {
  result: HarvestCompany;
}

/** An invoice with the state we derive: `overdue` is true for an open invoice past its due date. */
export type InvoiceWithStatus = HarvestInvoice & { overdue: boolean };

/** `GET /v1/tools/invoices`: `ListResponse<InvoiceWithStatus>`. */
export interface ListInvoicesQuery {
  state?: HarvestInvoiceState | 'overdue';
  client_id?: number;
  project_id?: number;
  from?: string;
  to?: string;
  updated_since?: string;
  cursor?: string;
  limit?: number;
}

/** `POST /v1/tools/invoices/:id/payments`. `amount` must not exceed the invoice's `due_amount`. */
export interface CreatePaymentRequest {
  amount: number;
  paid_date?: string;
  notes?: string;
}

export interface CreatePaymentResponse {
  result: HarvestInvoicePayment;
  invoice: InvoiceWithStatus;
}

/** `GET /v1/tools/utilization?week=YYYY-MM-DD` (any day of the week; defaults to the current week). */
export interface UtilizationRow {
  user_id: number;
  name: string;
  avatar_url: string | null;
  is_contractor: boolean;
  hours: number;
  billable_hours: number;
  capacity_hours: number;
  /** hours / capacity_hours, 0 when there is no capacity. */
  utilization: number;
  flag: 'over' | 'under' | 'ok';
}

export interface UtilizationResponse {
  result: UtilizationRow[];
  week: { from: string; to: string };
  thresholds: { under: number; over: number };
}

/** `POST /v1/tools/provisioning` with an `Idempotency-Key` header. */
export interface ProvisionRequest {
  client: { name: string; currency?: string };
  project: { name: string; code?: string; is_billable?: boolean; bill_by?: string; budget_by?: string };
  task_ids?: number[];
  task_names?: string[];
  user_ids?: number[];
}

export interface ProvisionResponse {
  result: {
    client: { id: number; name: string; created: boolean };
    project: { id: number; name: string; created: boolean };
    task_assignment_ids: number[];
    user_assignment_ids: number[];
  };
}

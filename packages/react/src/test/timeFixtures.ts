import type {
  HarvestCompany,
  HarvestProjectAssignment,
  HarvestTimeEntry,
  UnifiedMe,
} from '@harvest-connect/protocol';
import { makeUser } from './fixtures';

const stamp = '2026-12-04T08:00:00Z';

export function makeEntry(overrides: Partial<HarvestTimeEntry> & { refId?: string } = {}): HarvestTimeEntry {
  const { refId = 'item-1', ...rest } = overrides;
  return {
    id: 2_380_504_951,
    spent_date: '2026-12-04',
    user: { id: 1000, name: 'Ada Lovelace' },
    client: { id: 1, name: 'Acme', currency: 'USD' },
    project: { id: 11, name: 'Website', code: 'WEB' },
    task: { id: 21, name: 'Development' },
    user_assignment: {
      id: 1,
      is_project_manager: false,
      is_active: true,
      use_default_rates: true,
      budget: null,
      hourly_rate: null,
      created_at: stamp,
      updated_at: stamp,
    },
    task_assignment: {
      id: 1,
      billable: true,
      is_active: true,
      hourly_rate: null,
      budget: null,
      created_at: stamp,
      updated_at: stamp,
    },
    external_reference: {
      id: refId,
      group_id: 'group-1',
      account_id: null,
      permalink: `https://app.example.com/items/${refId}`,
      service: 'app.example.com',
      service_icon_url: null,
    },
    invoice: null,
    hours: 0,
    hours_without_timer: 0,
    rounded_hours: 0,
    notes: null,
    is_locked: false,
    locked_reason: null,
    is_closed: false,
    approval_status: 'unsubmitted',
    is_billed: false,
    timer_started_at: null,
    started_time: null,
    ended_time: null,
    is_running: false,
    billable: true,
    budgeted: false,
    billable_rate: null,
    cost_rate: null,
    created_at: stamp,
    updated_at: stamp,
    ...rest,
  };
}

function assignment(id: number, name: string, code: string | null, tasks: Array<[number, string, boolean]>) {
  return {
    id,
    is_project_manager: false,
    is_active: true,
    use_default_rates: true,
    hourly_rate: null,
    budget: null,
    created_at: stamp,
    updated_at: stamp,
    project: { id, name, code },
    client: { id: 1, name: 'Acme' },
    task_assignments: tasks.map(([taskId, taskName, billable]) => ({
      id: taskId * 10,
      task: { id: taskId, name: taskName },
      is_active: true,
      billable,
      hourly_rate: null,
      budget: null,
      created_at: stamp,
      updated_at: stamp,
    })),
  } satisfies HarvestProjectAssignment;
}

export const assignments: HarvestProjectAssignment[] = [
  assignment(11, 'Website', 'WEB', [
    [20, 'Meetings', false],
    [21, 'Development', true],
  ]),
  assignment(12, 'Mobile app', 'APP', [
    [22, 'Design', true],
    [23, 'QA', true],
  ]),
];

export const company = {
  base_uri: 'https://acme.harvestapp.com',
  full_domain: 'acme.harvestapp.com',
  name: 'Acme',
  is_active: true,
  week_start_day: 'Monday',
  wants_timestamp_timers: false,
  time_format: 'hours_minutes',
  date_format: '%Y-%m-%d',
  plan_type: 'business',
  clock: '24h',
  currency: 'USD',
  currency_code_display: 'iso_code_none',
  currency_symbol_display: 'symbol_before',
  decimal_symbol: '.',
  thousands_separator: ',',
  color_scheme: 'orange',
  weekly_capacity: 126000,
  expense_feature: true,
  invoice_feature: true,
  estimate_feature: true,
  approval_feature: true,
  team_feature: true,
  approval_required: false,
  day_entry_notes_required: false,
  saml_sign_in_required: false,
} satisfies HarvestCompany;

export const me: UnifiedMe = { user: makeUser(0), account: { id: '555', name: 'Acme' } };

import type { HarvestAccessRole, HarvestDate, HarvestDateTime } from './common';

/** `GET /v2/users/{id}` (fact sheet §5.1). `weekly_capacity` is in seconds. */
export interface HarvestUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  telephone: string;
  timezone: string;
  has_access_to_all_future_projects: boolean;
  is_contractor: boolean;
  is_active: boolean;
  weekly_capacity: number;
  default_hourly_rate: number | null;
  cost_rate: number | null;
  /** Business role names; no effect on permissions. */
  roles: string[];
  access_roles: HarvestAccessRole[];
  permissions_claims: string[];
  calendar_integration_enabled: boolean;
  calendar_integration_source: string | null;
  can_create_projects: boolean;
  avatar_url: string;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/roles/{id}` (fact sheet §5.3). */
export interface HarvestRole {
  id: number;
  name: string;
  user_ids: number[];
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** Billable and cost rates share one shape (fact sheet §5.2). */
export interface HarvestRate {
  id: number;
  amount: number;
  start_date: HarvestDate | null;
  end_date: HarvestDate | null;
  created_at: HarvestDateTime;
  updated_at: HarvestDateTime;
}

/** `GET /v2/users/{id}/teammates` rows (fact sheet §5.1). */
export interface HarvestTeammate {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
}

/**
 * The Unified User Directory: Harvest people and roles in one shape, whatever their origin. Lists answer
 * `ListResponse<T>`; `remote_data` (the Harvest object, untouched) is included on request.
 */
export interface UnifiedUser {
  id: string;
  first_name: string;
  last_name: string;
  name: string;
  emails: Array<{ email: string; type: 'work'; is_primary: boolean }>;
  status: 'active' | 'inactive';
  roles: Array<{ id: string; name: string }>;
  access_roles: string[];
  is_contractor: boolean;
  employment_type: 'contractor' | 'employee';
  avatar_url: string | null;
  timezone: string | null;
  weekly_capacity_hours: number;
  created_at: string;
  updated_at: string;
  remote_data?: unknown;
}

export interface UnifiedRole {
  id: string;
  name: string;
  user_ids: string[];
  created_at: string;
  updated_at: string;
  remote_data?: unknown;
}

/** `GET /v1/unified/user-directory/me`: the person behind the integrated account, and which account. */
export interface UnifiedMe {
  user: UnifiedUser;
  account: { id: string; name: string };
}

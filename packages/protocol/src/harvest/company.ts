/** `GET /v2/company` (fact sheet §5.6). */
export interface HarvestCompany {
  base_uri: string;
  full_domain: string;
  name: string;
  is_active: boolean;
  week_start_day: 'Saturday' | 'Sunday' | 'Monday';
  wants_timestamp_timers: boolean;
  time_format: 'decimal' | 'hours_minutes';
  date_format: string;
  plan_type: string;
  clock: '12h' | '24h';
  currency: string;
  currency_code_display: string;
  currency_symbol_display: string;
  decimal_symbol: string;
  thousands_separator: string;
  color_scheme: string;
  weekly_capacity: number;
  expense_feature: boolean;
  invoice_feature: boolean;
  estimate_feature: boolean;
  approval_feature: boolean;
  team_feature: boolean;
  approval_required: boolean;
  day_entry_notes_required: boolean;
  saml_sign_in_required: boolean;
}

import type { CompanyRecord } from '../store/records';

/** The company settings of a seeded account (fact sheet §5.6 fields). */
export function seedCompany(name: string, subdomain: string, timestampTimers: boolean): CompanyRecord {
  return {
    base_uri: `https://${subdomain}.harvestapp.com`,
    full_domain: `${subdomain}.harvestapp.com`,
    name,
    is_active: true,
    week_start_day: 'Monday',
    wants_timestamp_timers: timestampTimers,
    time_format: 'hours_minutes',
    date_format: '%Y-%m-%d',
    plan_type: 'business',
    clock: '12h',
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
  };
}

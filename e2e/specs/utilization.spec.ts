import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { STACK } from '../support/stack';
import { expect, test } from '../support/test';

interface Entry {
  hours: number;
  user: { id: number; name: string };
}
interface TeamRow {
  user_name: string;
  total_hours: number;
}
interface User {
  first_name: string;
  last_name: string;
  weekly_capacity: number;
}

test("utilization figures match the sandbox's time entries", async ({ page }) => {
  const admin = await connectAsAdmin(page);
  // The week the widget shows, as the server computes it (company week start, account time zone).
  const { session_token } = await (await page.request.post('/api/harvest/session-token')).json();
  const week = (await (
    await fetch(`${STACK.serverUrl}/v1/tools/utilization`, {
      headers: { authorization: `Bearer ${session_token}` },
    })
  ).json()) as { week: { from: string; to: string } };

  await openPage(page, 'Utilization');
  const widget = page.locator('.hc-utilization');
  await expect(widget).toHaveAttribute('data-state', 'ready');
  await expectAccessible(page);

  // Expected figures per person: hours from the sandbox's team time report for that week (what Harvest itself
  // reports), cross-checked against the raw time entries, and capacity from the people's weekly capacity.
  const compact = (d: string) => d.replaceAll('-', '');
  const expected = new Map<string, number>();
  for (let p = 1; ; p++) {
    const res = await sandbox.v2<{ results: TeamRow[]; next_page: number | null }>(
      admin,
      `/v2/reports/time/team?from=${compact(week.week.from)}&to=${compact(week.week.to)}&page=${p}`,
    );
    for (const r of res.results) expected.set(r.user_name, r.total_hours);
    if (!res.next_page) break;
  }
  const fromEntries = new Map<string, number>();
  for (let p = 1; ; p++) {
    const res = await sandbox.v2<{ time_entries: Entry[]; next_page: number | null }>(
      admin,
      `/v2/time_entries?from=${week.week.from}&to=${week.week.to}&per_page=2000&page=${p}`,
    );
    for (const e of res.time_entries)
      fromEntries.set(e.user.name, (fromEntries.get(e.user.name) ?? 0) + e.hours);
    if (!res.next_page) break;
  }
  const { users } = await sandbox.v2<{ users: User[] }>(admin, '/v2/users?is_active=true&per_page=2000');
  const capacity = new Map(users.map((u) => [`${u.first_name} ${u.last_name}`, u.weekly_capacity / 3600]));
  const rows = widget.locator('tr.hc-utilization__row');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  let checked = 0;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const name = (await row.locator('.hc-utilization__name').textContent())!.trim();
    const number = async (cell: number) =>
      Number.parseFloat((await row.locator('td').nth(cell).textContent())!.replace(/[^\d.]/g, ''));
    const hours = await number(0);
    expect(hours, `hours of ${name}`).toBe(expected.get(name) ?? 0);
    // Entries are shown rounded to the hundredth: their sum may differ from the report's by rounding only.
    expect(Math.abs(hours - (fromEntries.get(name) ?? 0)), `hours of ${name} vs entries`).toBeLessThan(0.05);
    expect(await number(1), `capacity of ${name}`).toBeCloseTo(capacity.get(name)!, 2);
    if ((expected.get(name) ?? 0) > 0) checked++;
  }
  expect(checked, 'people with time this week').toBeGreaterThan(0);
});

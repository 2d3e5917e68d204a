import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { STACK } from '../support/stack';
import { expect, test } from '../support/test';

interface Entry {
  hours: number;
  user: { id: number; name: string };
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

  // Expected hours per person, summed from the raw time entries of that week.
  const expected = new Map<string, number>();
  for (let p = 1; ; p++) {
    const res = await sandbox.v2<{ time_entries: Entry[]; next_page: number | null }>(
      admin,
      `/v2/time_entries?from=${week.week.from}&to=${week.week.to}&per_page=2000&page=${p}`,
    );
    for (const e of res.time_entries) expected.set(e.user.name, (expected.get(e.user.name) ?? 0) + e.hours);
    if (!res.next_page) break;
  }
  const rows = widget.locator('tr.hc-utilization__row');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  let checked = 0;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const name = (await row.locator('.hc-utilization__name').textContent())!.trim();
    const shown = Number.parseFloat((await row.locator('td').first().textContent())!.replace(/[^\d.]/g, ''));
    expect(shown, `hours of ${name}`).toBeCloseTo(expected.get(name) ?? 0, 2);
    if ((expected.get(name) ?? 0) > 0) checked++;
  }
  expect(checked, 'people with time this week').toBeGreaterThan(0);
});

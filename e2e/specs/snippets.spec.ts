import { expect, test } from '../support/test';

test('each widget has its snippet beside it, and Copy puts the code on the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const snippet = page.getByRole('figure', { name: /Connect button/ });
  const code = await snippet.locator('code').textContent();
  expect(code).toContain('<ConnectButton');
  await snippet.getByRole('button', { name: 'Copy the Connect button code' }).click();
  await expect(snippet.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  // Every page pairs its widgets with code.
  for (const [path, name] of [
    ['/people', /Assign ticket owners/],
    ['/tickets', /Timers on tickets/],
    ['/billing', /Invoice status/],
    ['/utilization', /Utilization overview/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('figure', { name })).toBeVisible();
  }
});

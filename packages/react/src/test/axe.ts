import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe's WCAG 2.1 A/AA rules on `root` and fails with each violation's rule and elements. Colour contrast is
 * left to the browser journeys: happy-dom has no layout to compute it from.
 */
export async function expectNoAxeViolations(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

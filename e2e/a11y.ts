import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0 A/AA (JIS X 8341-3:2016): the serious and critical violations on the page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const found = await analyse(page);
  // A notification that starts fading out while axe reads the page is caught between its colours
  // (seen on a busy machine): judge such a page again once the notifications have gone.
  if (!found.some((v) => v.includes('mantine-Notification'))) return found;
  await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), undefined, {
    timeout: 15_000,
  });
  return analyse(page);
}

async function analyse(page: Page): Promise<string[]> {
  // Judge the page as it settles: a notification still fading in has not reached its colours.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
}

/** Dates written the Western way (2026-11-28) in the visible text: 和暦 is what the screens use. */
export async function westernDatesShown(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
}

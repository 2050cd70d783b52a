import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, startCaseWorld } from '../src/testing/case-world';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// Two people write the minutes of one session: the second save is refused, the colleague's
// text is shown beside one's own, and nothing is overwritten unseen.

let world: CaseWorld;
let browser: Browser;
let sessionId = '';

beforeAll(async () => {
  world = await startCaseWorld();
  const bodies = await world
    .as('coordinator')
    .get<{ items: { id: string; name: string }[] }>('/api/meetings/bodies');
  const created = await world.as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId: bodies.body.items.find((b) => b.name === '重層的支援会議')?.id,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  sessionId = created.body.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await world?.server.close();
});

describe('no silent last write wins', () => {
  it('shows the colleague’s minutes beside one’s own when both saved', async () => {
    const [first, second] = [await openPage(browser), await openPage(browser)];
    for (const page of [first, second]) {
      await logIn(page, world.server.url, 'demo-coordinator');
      await page.goto(`${world.server.url}/meetings/${sessionId}`);
      await page.getByLabel('会議録').waitFor();
    }
    await first.getByLabel('会議録').fill('開会。出席5名。次回は1月。');
    await first.getByRole('button', { name: '会議録を保存' }).click();
    await first.getByText('会議録を保存しました。').waitFor();

    await second.getByLabel('会議録').fill('家計の見通しを共有した。');
    await second.getByRole('button', { name: '会議録を保存' }).click();
    await second.getByText(/画面を開いた後に.+さんが変更しました/).waitFor();
    const latest = second.getByRole('alert').filter({ hasText: 'ほかの職員が保存した内容（最新）' });
    await latest.getByText('開会。出席5名。次回は1月。').waitFor();
    expect(await second.getByLabel('会議録').inputValue()).toBe('家計の見通しを共有した。');
    await second.screenshot({ path: 'test-results/stale-minutes.png', fullPage: true });
    await latest.getByRole('button', { name: '最新の内容を入力欄に入れる' }).click();
    expect(await second.getByLabel('会議録').inputValue()).toBe('開会。出席5名。次回は1月。');
  });
});

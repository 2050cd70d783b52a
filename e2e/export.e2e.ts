import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { consultationBody } from '../src/testing/case-world';
import { firstSheet } from '../src/testing/export-download';
import { loggedIn } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// 書き出す in the browser: a coordinator exports the 多機関協働 list to Excel after the
// personal-data warning, sees the Shift_JIS refusal in Japanese, and downloads a list that holds
// no personal data without being asked.

let server: RunningServer;
let browser: Browser;
let page: Page;

const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png` });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser, 768);
  // a consultation of the coordinator's organisation about someone whose name Shift_JIS cannot hold
  const coordinator = await loggedIn(server.url, 'demo-coordinator');
  const taken = await coordinator.post(
    '/api/consultations',
    consultationBody({ newPerson: { familyName: '𠮷田', givenName: '花子' }, mainComplaint: '家計の相談' }),
  );
  expect(taken.status, JSON.stringify(taken.body)).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the 書き出す menu of the screen and picks a format. */
async function pick(format: RegExp) {
  await page.getByRole('button', { name: /を書き出す$/ }).click();
  // the first list of the menu: the one the screen shows
  await page.getByRole('menuitem', { name: format }).first().click();
}

describe('書き出す', () => {
  it('exports the 多機関協働 list to Excel after the personal-data warning', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.getByRole('link', { name: '多機関協働', exact: true }).click();
    await page.getByRole('heading', { name: '多機関協働' }).waitFor();
    // the list's rows are counted once they have come (the heading comes first)
    await page.getByRole('row').nth(1).waitFor();
    const shown = await page.getByRole('row').count();
    await page.getByRole('button', { name: '多機関協働事例一覧を書き出す' }).click();
    await page.getByRole('menuitem', { name: /^CSV（Shift_JIS）/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('export-menu');
    await page.getByRole('menuitem', { name: /^Excel（\.xlsx）/ }).click();
    const dialog = page.getByRole('dialog', { name: '個人情報を含む一覧を書き出します' });
    await dialog.getByText('このファイルには個人情報が含まれます').waitFor();
    expect(await dialog.innerText()).toMatch(/監査ログに記録されます[\s\S]*使い終わったら削除/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('export-warning');
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/api/exports/cases')),
      dialog.getByRole('button', { name: '監査ログに記録して書き出す' }).click(),
    ]);
    await dialog.waitFor({ state: 'detached' });
    // the page names the file as the server does (a Chromium whose LANG names a locale the
    // machine lacks, as here, saves any non-ASCII name as "download")
    const named = decodeURIComponent(response.headers()['content-disposition']?.split("''")[1] ?? '');
    expect(named).toMatch(/^多機関協働事例一覧_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect([named, 'download']).toContain(download.suggestedFilename());
    const sheet = await firstSheet(new Uint8Array(await readFile(await download.path())));
    expect(sheet.getRow(1).getCell(1).value).toBe('世帯');
    // the same rows as the screen (its header row against the sheet's)
    expect(sheet.rowCount).toBe(shown);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/さん世帯$/);
  });

  it('shows the Shift_JIS refusal in Japanese, naming the character', async () => {
    await page.getByRole('link', { name: '相談受付', exact: true }).click();
    await page.getByRole('heading', { name: '相談受付' }).waitFor();
    await pick(/^CSV（Shift_JIS）/);
    const dialog = page.getByRole('dialog', { name: '個人情報を含む一覧を書き出します' });
    await dialog.getByRole('button', { name: '監査ログに記録して書き出す' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: '書き出せませんでした' });
    await expect.poll(() => alert.innerText()).toMatch(/Shift_JIS では書き出せない文字があります/);
    expect(await alert.innerText()).toMatch(/2行目の「本人」の「𠮷」（U\+20BB7）です/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('export-shift-jis-refused');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
  });

  it('downloads a list without personal data at once', async () => {
    await page.getByRole('link', { name: '社会資源', exact: true }).click();
    await page.getByRole('heading', { name: /^社会資源/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), pick(/^CSV（UTF-8・Excel対応）/)]);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('名称,運営団体,種別');
  });
});

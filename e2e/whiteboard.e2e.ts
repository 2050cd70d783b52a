import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, caseAwaitingDecision, startCaseWorld } from '../src/testing/case-world';
import { seriousViolations } from './a11y';
import { launchBrowser } from './browser';
import { logIn } from './session';

// 尼崎's whiteboard, projected at 1920×1080 for 13 people around a table: every letter on it,
// the genogram's and the ecomap's included, is at least 24 px as drawn.

let world: CaseWorld;
let browser: Browser;
let page: Page;
let path = '';

/** Every text on the whiteboard with its size as drawn (an SVG text scaled by its drawing). */
const drawnSizes = (p: Page) =>
  p.evaluate(() => {
    const sizes: { text: string; px: number }[] = [];
    for (const el of Array.from(document.querySelectorAll('main.whiteboard *'))) {
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
      if (!own) continue;
      if (el instanceof SVGTextElement) {
        const ctm = el.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        sizes.push({
          text: el.textContent ?? '',
          px: Number.parseFloat(getComputedStyle(el).fontSize) * scale,
        });
      } else if (!el.closest('svg')) {
        sizes.push({
          text: (el.textContent ?? '').slice(0, 20),
          px: Number.parseFloat(getComputedStyle(el).fontSize),
        });
      }
    }
    return sizes;
  });
const small = (sizes: { text: string; px: number }[]) => sizes.filter((s) => s.px < 23.95);

beforeAll(async () => {
  world = await startCaseWorld();
  const caseId = await caseAwaitingDecision(world);
  const bodies = await world
    .as('coordinator')
    .get<{ items: { id: string; name: string }[] }>('/api/meetings/bodies');
  const body = bodies.body.items.find((b) => b.name === '重層的支援会議');
  const session = await world.as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId: body?.id,
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    place: '市役所 3階 会議室',
  });
  expect(session.status).toBe(201);
  const tabled = await world
    .as('coordinator')
    .post(`/api/meetings/sessions/${session.body.id}/items`, { kind: 'case', caseId });
  expect(tabled.status, JSON.stringify(tabled.body)).toBe(200);
  path = `/whiteboard/${session.body.id}/${caseId}`;
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1920, height: 1080 },
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await world?.server.close();
});

describe('the whiteboard at 1920×1080', () => {
  it('draws every letter at 24 px or more, the ecomap and the genogram too, and uses the screen', async () => {
    await logIn(page, world.server.url, 'demo-coordinator');
    await page.goto(`${world.server.url}${path}`);
    await page.getByRole('heading', { name: '関わる機関' }).waitFor();
    const ecomap = await drawnSizes(page);
    expect(
      ecomap.filter((s) => s.text.includes('センター') || s.text.includes('協議会')).length,
    ).toBeGreaterThan(0);
    expect(small(ecomap)).toEqual([]);
    // the diagram fills its column: the page is not half empty
    const drawing = await page.locator('.whiteboard-diagram svg').boundingBox();
    expect(drawing?.height ?? 0).toBeGreaterThan(600);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/whiteboard-ecomap.png' });

    await page.getByText('ジェノグラム', { exact: true }).click();
    await page.getByRole('img', { name: /ジェノグラム/ }).waitFor();
    expect(small(await drawnSizes(page))).toEqual([]);
    await page.getByRole('button', { name: 'ジェノグラムを画面いっぱいに' }).click();
    await page.getByRole('button', { name: 'もとに戻す' }).waitFor();
    expect(small(await drawnSizes(page))).toEqual([]);
    await page.screenshot({ path: 'test-results/whiteboard-genogram-whole.png' });
  });
});

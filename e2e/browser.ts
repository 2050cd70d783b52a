import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium; the flags keep it from reaching for the network it does not have.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--lang=ja-JP',
    ],
    // Date and time inputs follow the process's language, validation bubbles the ja locale
    // of Debian's chromium-l10n: a Japanese desk sees 2026/11/28, not 11/28/2026.
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
  });
}

/** A Japanese desk: ja-JP, Japan time, a laptop-sized window. */
export async function openPage(browser: Browser, height = 900) {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height },
  });
  return context.newPage();
}

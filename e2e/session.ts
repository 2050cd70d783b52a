import type { Page } from 'playwright-core';

export async function logIn(page: Page, baseUrl: string, loginId: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill('tsunagu-demo');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.getByRole('heading', { name: 'ホーム' }).waitFor();
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL(/\/login$/);
}

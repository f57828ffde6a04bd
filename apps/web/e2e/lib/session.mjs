/* global fetch, window */
// What every scenario needs around the browser: a JSON call to the API with the session's token, and signing in.
import { assert, expectPath } from './assertions.mjs';

export async function api(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  assert(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return json;
}

/** Signs in through the login page in English and returns the access token the app stored. */
export async function login(page, baseUrl, credentials) {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => window.localStorage.setItem('tessera.language', 'en-US'));
  await page.reload();
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-tenant').fill(credentials.tenant);
  await page.getByTestId('login-submit').click();
  await expectPath(page, /^\/$/);
  const token = await page.evaluate(() => window.localStorage.getItem('tessera.accessToken'));
  assert(token, 'no access token after logging in');
  return token;
}

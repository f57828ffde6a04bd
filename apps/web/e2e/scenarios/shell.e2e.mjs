/* global fetch, window */
// The web shell: redirect to login, a wrong password, log in, the shell, the language switch (remembered
// across a reload) and log out.
import { assert, expectDocumentLanguage, expectPath, expectText, expectVisible } from '../lib/assertions.mjs';

export const name = 'shell';

const TEXT = {
  'zh-CN': { emptyApps: '还没有应用', appsTitle: '应用', logout: '退出登录' },
  'en-US': { emptyApps: 'No apps yet', appsTitle: 'Apps', logout: 'Log out' },
};

async function meFromApi(page, baseUrl) {
  const accessToken = await page.evaluate(() => window.localStorage.getItem('tessera.accessToken'));
  assert(accessToken, 'no access token in localStorage after logging in');
  const response = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
  assert(response.status === 200, `GET /api/v1/me answered ${response.status}`);
  return response.json();
}

async function switchLanguage(page, language) {
  const label = language === 'zh-CN' ? '中文' : 'English';
  await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
  await expectDocumentLanguage(page, language);
}

/** Other scenarios (runtime, designer) may have created apps on the shared server before this one runs. */
async function hasApps(page) {
  const accessToken = await page.evaluate(() => window.localStorage.getItem('tessera.accessToken'));
  const baseUrl = new URL(page.url()).origin;
  const response = await fetch(`${baseUrl}/api/v1/apps`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return response.ok && (await response.json()).length > 0;
}

async function expectShellLanguage(page, language) {
  const sidebar = page.getByTestId('sidebar');
  if (!(await hasApps(page)))
    await expectText(sidebar, TEXT[language].emptyApps, { what: `sidebar empty state in ${language}` });
  await expectText(sidebar, TEXT[language].appsTitle, { what: `sidebar title in ${language}` });
  await expectDocumentLanguage(page, language);
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  step('open / and get redirected to the login page');
  await page.goto(`${baseUrl}/`);
  await expectPath(page, /^\/login$/);
  await expectVisible(page.getByTestId('login-submit'), { what: 'login button' });
  await screenshot('login');

  step('a wrong password shows an inline error');
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-tenant').fill(credentials.tenant);
  await page.getByTestId('login-submit').click();
  await expectText(page.getByTestId('login-error'), 'Incorrect email or password', { what: 'login error' });
  await expectPath(page, /^\/login$/);
  await screenshot('wrong-password');

  step('log in and see the shell');
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await expectPath(page, /^\/$/);
  await expectVisible(page.getByTestId('sidebar'), { what: 'sidebar' });
  const me = await meFromApi(page, baseUrl);
  assert(me.tenant?.slug === credentials.tenant, `expected tenant ${credentials.tenant}, got ${me.tenant?.slug}`);
  await expectText(page.getByTestId('page-heading'), me.tenant.name, { what: 'page heading (tenant name)' });
  await expectText(page.getByTestId('user-menu'), me.name, { what: 'user menu (user name)' });
  await screenshot('shell');

  step('switch to 中文, then to English: the UI text follows');
  await switchLanguage(page, 'zh-CN');
  await expectShellLanguage(page, 'zh-CN');
  await screenshot('shell-zh-CN');
  await switchLanguage(page, 'en-US');
  await expectShellLanguage(page, 'en-US');
  await screenshot('shell-en-US');

  step('pick 中文 and reload: the language is remembered');
  await switchLanguage(page, 'zh-CN');
  await page.reload();
  await expectVisible(page.getByTestId('sidebar'), { what: 'sidebar after reload' });
  await expectShellLanguage(page, 'zh-CN');
  await expectText(page.getByTestId('page-heading'), me.tenant.name, { what: 'page heading after reload' });
  await screenshot('reloaded-zh-CN');

  step('log out and land on the login page');
  await page.getByTestId('user-menu').click();
  await expectText(page.getByTestId('logout'), TEXT['zh-CN'].logout, { what: 'logout item' });
  await page.getByTestId('logout').click();
  await expectPath(page, /^\/login$/);
  await expectVisible(page.getByTestId('login-submit'), { what: 'login button after logout' });
  const tokens = await page.evaluate(() => [
    window.localStorage.getItem('tessera.accessToken'),
    window.localStorage.getItem('tessera.refreshToken'),
  ]);
  assert(
    tokens.every((token) => token === null),
    'tokens are still in localStorage after logging out',
  );
  await screenshot('logged-out');

  step('after logging out, / redirects to the login page again');
  await page.goto(`${baseUrl}/`);
  await expectPath(page, /^\/login$/);
}

// The runtime: an app + a published form made through the API, then in the browser: the form's table from the
// sidebar, a record created after a validation error, filter and sort, kanban drag (checked on the server), and
// the record page's timeline showing the change. Screenshots go to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { assert, expectPath, expectText, expectVisible } from '../lib/assertions.mjs';
import { api, login } from '../lib/session.mjs';

export const name = 'runtime';

const here = dirname(fileURLToPath(import.meta.url));
const screenshotsDir = resolve(here, '../../../../docs/screenshots');
const FORM_KEY = 'e2e_deals';

const FIELDS = [
  { key: 'title', type: 'text', label: { 'zh-CN': '商机名称', 'en-US': 'Deal' }, required: true, width: 12 },
  { key: 'amount', type: 'amount', label: { 'zh-CN': '金额', 'en-US': 'Amount' }, currency: 'CNY', width: 12 },
  {
    key: 'stage',
    type: 'select',
    label: { 'zh-CN': '阶段', 'en-US': 'Stage' },
    width: 12,
    options: [
      { value: 'lead', label: { 'zh-CN': '线索', 'en-US': 'Lead' }, color: 'blue' },
      { value: 'proposal', label: { 'zh-CN': '方案', 'en-US': 'Proposal' }, color: 'orange' },
      { value: 'won', label: { 'zh-CN': '赢单', 'en-US': 'Won' }, color: 'green' },
    ],
  },
  { key: 'close_date', type: 'date', label: { 'zh-CN': '预计成交', 'en-US': 'Close date' }, width: 12 },
];

async function tableRows(page) {
  return page.getByTestId('records-table').locator('tbody tr.ant-table-row');
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  mkdirSync(screenshotsDir, { recursive: true });

  step('log in and create an app with a published form through the API');
  const token = await login(page, baseUrl, credentials);
  const app = await api(baseUrl, token, 'POST', '/api/v1/apps', {
    key: 'e2e_sales',
    name: { 'zh-CN': '销售管理', 'en-US': 'Sales' },
    color: '#3f51e0',
  });
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/forms`, { key: FORM_KEY, name: 'Deals', fields: FIELDS });
  const form = await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}`);
  await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/publish`, { revision: form.draftRevision });
  const seeded = await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/records`, {
    values: { title: 'Globex renewal', amount: 88000, stage: 'proposal', close_date: '2025-06-30' },
  });

  step('open the form table from the sidebar');
  await page.reload();
  const formLink = page.getByTestId('sidebar').getByText('Deals', { exact: true });
  await expectVisible(formLink, { what: 'form in the sidebar' });
  await formLink.click();
  await expectPath(page, new RegExp(`^/forms/${FORM_KEY}$`));
  await expectText(page.getByTestId('page-heading'), 'Deals', { what: 'table page heading' });
  await expectText(page.getByTestId('records-table'), 'Globex renewal', { what: 'seeded record in the table' });

  step('create a record: a validation error first, then corrected');
  await page.getByTestId('create-record').click();
  const drawer = page.getByTestId('record-create-drawer');
  await expectVisible(drawer.getByTestId('record-form'), { what: 'create form' });
  await drawer.locator('#rf-amount').fill('120000');
  await drawer.getByTestId('record-form-submit').click();
  await expectText(drawer.getByTestId('field-title'), 'Deal is required', { what: 'required error on Deal' });
  await drawer.locator('#rf-title').fill('Acme expansion');
  await drawer.locator('#rf-stage').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Lead' }).click();
  await drawer.getByTestId('record-form-submit').click();
  await expectText(page.getByTestId('records-table'), 'Acme expansion', { what: 'new record in the table' });
  assert((await (await tableRows(page)).count()) === 2, 'expected 2 rows after creating a record');
  await screenshot('table');

  step('filter: Deal is "Acme expansion"');
  await page.getByTestId('filter-button').click();
  await page.getByTestId('condition-add-rule').click();
  await page.getByTestId('condition-rule').locator('input.ant-input').fill('Acme expansion');
  await page.getByTestId('filter-apply').click();
  await expectText(page.getByTestId('records-table'), 'Acme expansion', { what: 'filtered table' });
  for (let i = 0; i < 50 && (await (await tableRows(page)).count()) !== 1; i++) await delay(100);
  assert((await (await tableRows(page)).count()) === 1, 'the filter should leave one row');
  await page.getByTestId('filter-button').click();
  await page.getByRole('button', { name: 'Clear' }).click();
  for (let i = 0; i < 50 && (await (await tableRows(page)).count()) !== 2; i++) await delay(100);

  step('sort by amount, ascending then descending');
  const amountHeader = page.getByTestId('records-table').locator('th').filter({ hasText: 'Amount' });
  await amountHeader.click();
  await expectText((await tableRows(page)).first(), 'Globex renewal', { what: 'first row sorted by amount asc' });
  await amountHeader.click();
  await expectText((await tableRows(page)).first(), 'Acme expansion', { what: 'first row sorted by amount desc' });
  await page.mouse.move(700, 600);
  await delay(300);
  await page.screenshot({ path: resolve(screenshotsDir, 'runtime-table.png'), fullPage: true });

  step('switch to kanban and drag the card from Lead to Won');
  const created = (
    await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/records/query`, {
      filter: { field: 'title', op: 'eq', value: 'Acme expansion' },
    })
  ).items[0];
  assert(created?.values.stage === 'lead', `the new record should be in lead, got ${created?.values.stage}`);
  await page.getByTestId('view-switch').getByText('Kanban').click();
  const card = page.getByTestId(`kanban-card-${created.id}`);
  await expectVisible(page.getByTestId('kanban-column-lead').getByTestId(`kanban-card-${created.id}`), {
    what: 'card in the Lead column',
  });
  await card.dragTo(page.getByTestId('kanban-column-won'));
  await expectVisible(page.getByTestId('kanban-column-won').getByTestId(`kanban-card-${created.id}`), {
    what: 'card in the Won column',
  });
  let stage = null;
  for (let i = 0; i < 50; i++) {
    stage = (await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}/records/${created.id}`)).values.stage;
    if (stage === 'won') break;
    await delay(100);
  }
  assert(stage === 'won', `the server record should be in won after the drag, got ${stage}`);
  await page.screenshot({ path: resolve(screenshotsDir, 'runtime-kanban.png'), fullPage: true });

  step('open the record page and see the change in the timeline');
  await card.click();
  await expectPath(page, new RegExp(`^/forms/${FORM_KEY}/records/${created.id}$`));
  await expectText(page.getByTestId('page-heading'), 'Acme expansion', { what: 'record page heading' });
  await expectText(page.getByTestId('record-timeline'), 'Stage', { what: 'timeline change of Stage' });
  await expectText(page.getByTestId('record-timeline'), 'Won', { what: 'timeline shows Won' });
  await expectText(page.getByTestId('record-timeline'), 'Lead', { what: 'timeline shows Lead' });
  await page.screenshot({ path: resolve(screenshotsDir, 'record-page.png'), fullPage: true });
  assert(seeded.id, 'seeded record has an id');
}

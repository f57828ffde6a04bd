// Saved views, import and export on a form's table: save a filtered view and open it again through ?view=, open a
// ?filter= link, import a CSV made here (a dry run showing the one bad row, then skip-invalid), see the imported
// records, and export the table as CSV (the download holds them).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { assert, expectText, expectVisible } from '../lib/assertions.mjs';
import { api, login } from '../lib/session.mjs';

export const name = 'views-import';

const FORM_KEY = 'e2e_leads';
const FIELDS = [
  { key: 'title', type: 'text', label: { 'zh-CN': '线索名称', 'en-US': 'Lead name' }, required: true, width: 12 },
  { key: 'budget', type: 'number', label: { 'zh-CN': '预算', 'en-US': 'Budget' }, width: 12 },
];

const rows = (page) => page.getByTestId('records-table').locator('tbody tr.ant-table-row');

async function expectRowCount(page, count, what) {
  let n = -1;
  for (let i = 0; i < 80; i++) {
    n = await rows(page).count();
    if (n === count) return;
    await delay(100);
  }
  throw new Error(`${what}: expected ${count} rows, saw ${n}`);
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  step('log in; an app with a published leads form and two records through the API');
  const token = await login(page, baseUrl, credentials);
  const app = await api(baseUrl, token, 'POST', '/api/v1/apps', {
    key: 'e2e_marketing',
    name: { 'zh-CN': '市场', 'en-US': 'Marketing' },
  });
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/forms`, { key: FORM_KEY, name: 'Leads', fields: FIELDS });
  const form = await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}`);
  await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/publish`, { revision: form.draftRevision });
  for (const [title, budget] of [
    ['Alpha fair', 5000],
    ['Beta webinar', 800],
  ])
    await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/records`, { values: { title, budget } });

  step('filter the table and save it as a personal view');
  await page.goto(`${baseUrl}/forms/${FORM_KEY}`);
  await expectRowCount(page, 2, 'all records');
  await page.getByTestId('filter-button').click();
  await expectVisible(page.getByTestId('condition-add-rule'), { what: 'filter popover' });
  await delay(300); // the popover's opening animation
  await page.getByTestId('condition-add-rule').click();
  await expectVisible(page.getByTestId('condition-rule'), { what: 'a filter rule' });
  await page.getByTestId('condition-rule').locator('input.ant-input').fill('Alpha fair');
  await page.getByTestId('filter-apply').click();
  await expectRowCount(page, 1, 'filtered table');
  await page.getByTestId('views-menu').click();
  await page.getByTestId('view-save-as').click();
  await page.getByTestId('view-name').fill('Alpha only');
  await page.getByTestId('view-dialog-ok').click();
  let viewId = null;
  for (let i = 0; i < 100 && !viewId; i++) {
    viewId = new URL(page.url()).searchParams.get('view');
    if (!viewId) await delay(100);
  }
  assert(/^[0-9a-f-]{36}$/.test(viewId ?? ''), `the URL should name the saved view: ${page.url()}`);
  await expectText(page.getByTestId('views-menu'), 'Alpha only', { what: 'active view name' });

  step('reload through ?view= (a fresh page): the view applies its filter');
  await page.goto(`${baseUrl}/forms/${FORM_KEY}?view=${viewId}`);
  await expectText(page.getByTestId('views-menu'), 'Alpha only', { what: 'view name after reload' });
  await expectText(page.getByTestId('records-table'), 'Alpha fair', { what: 'view row' });
  await expectRowCount(page, 1, 'the saved view');
  const views = await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}/views`);
  assert(
    views.some((v) => v.id === viewId && v.config.filter && !v.shared),
    `the server should hold the personal view with its filter: ${JSON.stringify(views)}`,
  );

  step('a drill-down link ?filter= filters the table');
  const condition = JSON.stringify({ field: 'title', op: 'eq', value: 'Beta webinar' });
  await page.goto(`${baseUrl}/forms/${FORM_KEY}?filter=${encodeURIComponent(condition)}`);
  await expectText(page.getByTestId('records-table'), 'Beta webinar', { what: 'row of the filter link' });
  await expectRowCount(page, 1, 'the ?filter= link');

  step('import a CSV: the dry run shows one bad row, then skip the invalid rows');
  await page.goto(`${baseUrl}/forms/${FORM_KEY}`);
  await expectRowCount(page, 2, 'all records before the import');
  await page.getByTestId('import-button').click();
  const wizard = page.getByTestId('import-wizard');
  await expectVisible(wizard, { what: 'import wizard' });
  const csv = 'Lead name,Budget,Notes\nImported expo,1200,first\n,300,no name\nImported meetup,450,third\n';
  await wizard.locator('input[type="file"]').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expectVisible(wizard.getByTestId('import-mapping'), { what: 'column mapping' });
  await expectText(wizard.getByTestId('import-mapping'), 'Lead name (title)', { what: 'Lead name auto-matched' });
  await expectText(wizard.getByTestId('import-mapping'), 'Budget (budget)', { what: 'Budget auto-matched' });
  await page.getByTestId('import-dry-run').click();
  await expectVisible(wizard.getByTestId('import-summary'), { what: 'dry-run summary' });
  const summary = await wizard.getByTestId('import-summary').innerText();
  assert(/Rows\s*3/.test(summary) && /To create\s*2/.test(summary), `unexpected dry-run summary: ${summary}`);
  const errorRows = wizard.getByTestId('import-errors').locator('tbody tr.ant-table-row');
  assert((await errorRows.count()) === 1, `expected one error row, saw ${await errorRows.count()}`);
  await expectText(errorRows.first(), '3', { what: 'the error names spreadsheet row 3' });
  await screenshot('import-dry-run');
  assert(
    await wizard.getByRole('radio', { name: 'Skip the rows with problems and import the rest' }).isChecked(),
    'skip-invalid is preselected',
  );
  await page.getByTestId('import-confirm').click();
  await expectText(wizard.getByTestId('import-result'), '2 created', { what: 'import result' });
  await expectText(wizard.getByTestId('import-result'), '1 skipped', { what: 'skipped row' });
  await page.getByTestId('import-close').click();
  await expectText(page.getByTestId('records-table'), 'Imported meetup', { what: 'imported record in the table' });
  await expectText(page.getByTestId('records-table'), 'Imported expo', { what: 'imported record in the table' });
  await expectRowCount(page, 4, 'records after the import');

  step('export the table as CSV: the file holds the imported records');
  const downloading = page.waitForEvent('download', { timeout: 15_000 });
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  assert(download.suggestedFilename().endsWith('.csv'), `export file name: ${download.suggestedFilename()}`);
  for (const expected of ['Lead name', 'Imported expo', 'Imported meetup', 'Alpha fair'])
    assert(text.includes(expected), `the export should contain ${expected}: ${text.slice(0, 400)}`);
}

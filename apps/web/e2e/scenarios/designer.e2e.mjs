/* global fetch, window, performance, document */
// The form designer: create an app and a form from the home page, drag eight field types onto the canvas with
// react-dnd (HTML5 backend) drags, set a required field and a linkage rule, publish, check the published definition
// through the API, then fill the form in the runtime. Also times a 300-field form (select + typing).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, expectPath, expectText, expectVisible } from '../lib/assertions.mjs';

export const name = 'designer';

const here = dirname(fileURLToPath(import.meta.url));
const docsScreenshots = resolve(here, '../../../../docs/screenshots');

const TARGET_FORM = 'e2e_contacts';
const FORM_KEY = 'e2e_order_form';

async function api(page, baseUrl, method, path, body) {
  const accessToken = await page.evaluate(() => window.localStorage.getItem('tessera.accessToken'));
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return json;
}

async function login(page, baseUrl, credentials) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-tenant').fill(credentials.tenant);
  await page.getByTestId('login-submit').click();
  await expectPath(page, /^\/$/);
}

/** Picks an option of the antd Select inside `select` (a locator of the select or its wrapper). */
async function pickOption(page, select, optionText) {
  await select.click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText });
  await option.first().click();
}

async function canvasKeys(page) {
  return page
    .locator('[data-testid^="canvas-field-"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid').slice('canvas-field-'.length)));
}

async function dropOnEnd(page, type) {
  const before = (await canvasKeys(page)).length;
  await page.getByTestId(`palette-item-${type}`).dragTo(page.getByTestId('canvas-drop-end'));
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid^="canvas-field-"]').length > count,
    before,
    { timeout: 5_000 },
  );
}

/** A 300-field definition: text, number, select, date fields in two-column rows. */
function bigDefinition(key) {
  const fields = [];
  const rows = [];
  for (let i = 0; i < 300; i += 1) {
    const kind = i % 4;
    const fieldKey = `f_${i}`;
    const label = { 'zh-CN': `字段 ${i}`, 'en-US': `Field ${i}` };
    if (kind === 0) fields.push({ key: fieldKey, label, type: 'text' });
    else if (kind === 1) fields.push({ key: fieldKey, label, type: 'number' });
    else if (kind === 2)
      fields.push({
        key: fieldKey,
        label,
        type: 'select',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      });
    else fields.push({ key: fieldKey, label, type: 'date' });
    if (i % 2 === 1) rows.push({ columns: [{ field: `f_${i - 1}` }, { field: fieldKey }] });
  }
  return { key, name: 'Big form', fields, layout: { rows } };
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  mkdirSync(docsScreenshots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  step('log in (UI in English: the admin profile says 中文)');
  await login(page, baseUrl, credentials);
  await page.getByTestId('language-switch').getByText('English', { exact: true }).click();

  step('create an app from the home page');
  await page.getByTestId('new-app').click();
  await page.getByTestId('create-app-name').fill('E2E Orders');
  const derivedAppKey = await page.getByTestId('create-app-key').inputValue();
  assert(derivedAppKey === 'e2e_orders', `the app key should derive from the name, got ${derivedAppKey}`);
  await page.getByTestId('create-app-submit').click();
  await expectVisible(page.getByTestId('create-form-name'), { what: 'new form dialog after creating the app' });

  step('create and publish the relation target through the API');
  const apps = await api(page, baseUrl, 'GET', '/api/v1/apps');
  const app = apps.find((candidate) => candidate.key === 'e2e_orders');
  assert(app, 'the new app is not in GET /api/v1/apps');
  await api(page, baseUrl, 'POST', `/api/v1/apps/${app.id}/forms`, {
    key: TARGET_FORM,
    name: 'Contacts',
    fields: [{ key: 'contact_name', label: { 'zh-CN': '联系人', 'en-US': 'Contact name' }, type: 'text' }],
  });
  await api(page, baseUrl, 'POST', `/api/v1/forms/${TARGET_FORM}/publish`, { revision: 1 });

  step('create a form in the app: the designer opens');
  await page.getByTestId('create-form-name').fill('Orders');
  await page.getByTestId('create-form-key').fill(FORM_KEY);
  await page.getByTestId('create-form-submit').click();
  await expectPath(page, new RegExp(`^/apps/${app.id}/forms/${FORM_KEY}/design$`), { timeoutMs: 20_000 });
  await expectVisible(page.getByTestId('field-palette'), { what: 'palette' });
  await expectVisible(page.getByTestId('canvas-drop-end'), { what: 'empty canvas' });

  step('drag eight field types onto the canvas');
  await dropOnEnd(page, 'text');
  // number joins the text field's row (right half of its card)
  const textCard = page.getByTestId('canvas-field-single_line_text');
  const box = await textCard.boundingBox();
  await page.getByTestId('palette-item-number').dragTo(textCard, {
    targetPosition: { x: box.width * 0.8, y: box.height / 2 },
  });
  await expectVisible(page.getByTestId('canvas-field-number'), { what: 'number card' });
  for (const type of ['date', 'select', 'member', 'relation', 'sub_table', 'formula']) await dropOnEnd(page, type);
  const keys = await canvasKeys(page);
  const expected = [
    'single_line_text',
    'number',
    'date',
    'single_select',
    'member',
    'relation',
    'sub_table',
    'formula',
  ];
  assert(JSON.stringify(keys) === JSON.stringify(expected), `canvas fields: ${keys.join(', ')}`);
  const firstRow = page.getByTestId('canvas-row').first().locator('[data-testid^="canvas-field-"]');
  assert((await firstRow.count()) === 2, 'text and number should share the first row');

  step('drag a field to reorder: date goes to the end');
  await page.getByTestId('canvas-field-date').dragTo(page.getByTestId('canvas-drop-end'));
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="canvas-field-"]')];
    return cards.at(-1)?.getAttribute('data-testid') === 'canvas-field-date';
  });

  step('undo / redo the move with the keyboard');
  await page.getByTestId('designer-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="canvas-field-"]')];
    return cards[2]?.getAttribute('data-testid') === 'canvas-field-date';
  });
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="canvas-field-"]')];
    return cards.at(-1)?.getAttribute('data-testid') === 'canvas-field-date';
  });

  step('rename the text field (its key follows the label) and make it required');
  await textCard.click();
  await page.getByTestId('prop-label-en').fill('Customer name');
  await expectVisible(page.getByTestId('canvas-field-customer_name'), { what: 'renamed card' });
  assert((await page.getByTestId('prop-key').inputValue()) === 'customer_name', 'key derived from the label');
  await page.getByTestId('prop-required').click();
  await expectVisible(page.getByTestId('canvas-field-customer_name').locator('.fd-required'), {
    what: 'required mark',
  });

  step('the relation is flagged until its target form is chosen');
  await page.getByTestId('canvas-field-relation').click();
  await expectVisible(page.getByTestId('canvas-field-relation').getByTestId('field-issue-marker'), {
    what: 'relation issue marker',
  });
  await pickOption(page, page.getByTestId('relation-form'), `(${TARGET_FORM})`);
  await pickOption(page, page.getByTestId('relation-display-field'), 'contact_name');
  await page.getByTestId('canvas-field-relation').getByTestId('field-issue-marker').waitFor({ state: 'detached' });

  step('add a column to the sub-table (nested canvas)');
  await page.getByTestId('palette-item-amount').dragTo(page.getByTestId('sub-drop-sub_table'));
  await expectVisible(page.getByTestId('sub-column-sub_table-amount'), { what: 'sub-table amount column' });

  step('write the formula and see its live result');
  await page.getByTestId('canvas-field-formula').click();
  await page.getByTestId('formula-expression').fill('number * 2');
  await expectText(page.getByTestId('formula-result'), '24', { what: 'formula live result (sample number 12)' });

  step('add a linkage rule: customer name = VIP → number required');
  await page.getByTestId('properties-panel').getByRole('tab', { name: 'Linkage' }).click();
  await page.getByTestId('linkage-add').click();
  const rule = page.getByTestId('linkage-rule-0');
  await rule.getByTestId('condition-add-rule').click();
  await rule.getByTestId('condition-rule').locator('input:not([role="combobox"])').first().fill('VIP');
  await pickOption(page, rule.getByTestId('linkage-require-0'), '(number)');
  await page.keyboard.press('Escape');
  await expectText(page.getByTestId('designer-problems'), 'No problems', { what: 'no problems left' });

  await page
    .locator('.ant-select-dropdown:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => null);
  await page.getByTestId('canvas-field-formula').click();
  await page.mouse.move(700, 880);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(docsScreenshots, 'designer.png') });
  await screenshot('designer');

  step('preview the draft with the runtime form, desktop then phone');
  await page.getByTestId('designer-preview').click();
  await expectVisible(page.getByTestId('preview-frame').getByTestId('record-form'), { what: 'preview record form' });
  await expectVisible(page.getByTestId('preview-frame').getByTestId('field-customer_name'), {
    what: 'previewed field',
  });
  await page.getByTestId('preview-device').getByText('Phone', { exact: true }).click();
  await expectVisible(page.locator('.fd-preview-frame.is-phone'), { what: 'phone-width preview' });
  await page.waitForTimeout(300);
  await screenshot('preview-phone');
  await page.keyboard.press('Escape');
  await page.getByTestId('preview-frame').waitFor({ state: 'detached' });

  step('save, then publish: the dialog lists the added fields');
  await page.getByTestId('designer-save').click();
  await expectText(page.getByTestId('designer-save-state'), 'Saved', { what: 'saved state' });
  await page.getByTestId('designer-publish').click();
  await expectVisible(page.getByTestId('publish-change-customer_name'), {
    what: 'publish change list',
    timeoutMs: 15_000,
  });
  await page.waitForFunction(() => {
    const button = document.querySelector('[data-testid="publish-confirm"]');
    return button !== null && !button.disabled;
  });
  await page.waitForTimeout(500); // the dialog's opening animation
  await page.screenshot({ path: join(docsScreenshots, 'designer-publish.png') });
  await screenshot('publish-dialog');
  await page.getByTestId('publish-confirm').click();
  await expectText(page.getByTestId('designer-published-version'), 'Published v1', { what: 'published tag' });

  step('the published definition has the fields, the required flag and the linkage rule');
  const form = await api(page, baseUrl, 'GET', `/api/v1/forms/${FORM_KEY}`);
  assert(form.publishedVersion === 1, `publishedVersion ${form.publishedVersion}`);
  const published = form.published;
  const byKey = Object.fromEntries(published.fields.map((field) => [field.key, field]));
  for (const key of ['customer_name', 'number', 'date', 'single_select', 'member', 'relation', 'sub_table', 'formula'])
    assert(byKey[key], `published definition lacks ${key}`);
  assert(byKey.customer_name.required === true, 'customer_name is not required');
  assert(byKey.relation.relation.form === TARGET_FORM, `relation target ${JSON.stringify(byKey.relation.relation)}`);
  assert(byKey.formula.formula.expression === 'number * 2', 'formula expression');
  assert(
    byKey.sub_table.fields.some((column) => column.key === 'amount'),
    'sub-table lacks the amount column',
  );
  assert(published.layout.rows[0].columns.length === 2, 'the first layout row should hold two columns');
  assert(published.linkage?.length === 1, `linkage: ${JSON.stringify(published.linkage)}`);
  const [linkage] = published.linkage;
  assert(JSON.stringify(linkage.require) === '["number"]', `linkage require ${JSON.stringify(linkage.require)}`);
  assert(JSON.stringify(linkage.when).includes('"customer_name"'), `linkage when ${JSON.stringify(linkage.when)}`);

  step('version history shows v1');
  await page.getByTestId('designer-versions').click();
  await expectVisible(page.getByTestId('version-1'), { what: 'version 1 in the history' });
  await page.keyboard.press('Escape');

  step('the published key is locked');
  await page.getByTestId('canvas-field-customer_name').click();
  assert(await page.getByTestId('prop-key').isDisabled(), 'a published key must not be editable');

  step('runtime: create a record with the form (required error, linkage error, then saved)');
  await page.goto(`${baseUrl}/forms/${FORM_KEY}`);
  const create = page.getByTestId('create-record');
  if ((await create.count().catch(() => 0)) === 0) {
    await create.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => null);
  }
  if (await create.isVisible().catch(() => false)) {
    await create.click();
    const recordForm = page.getByTestId('record-form');
    await expectVisible(recordForm, { what: 'record form' });
    await page.getByTestId('record-form-submit').click();
    await expectVisible(page.getByTestId('field-customer_name').locator('.ant-form-item-explain-error'), {
      what: 'required error on customer name',
    });
    await page.getByTestId('field-customer_name').locator('input').fill('VIP');
    await page.getByTestId('record-form-submit').click();
    await expectVisible(page.getByTestId('field-number').locator('.ant-form-item-explain-error'), {
      what: 'linkage makes number required',
    });
    await page.getByTestId('field-number').locator('input').fill('21');
    await page.getByTestId('record-form-submit').click();
    await page.getByTestId('record-create-drawer').waitFor({ state: 'hidden', timeout: 10_000 });
    const records = await api(page, baseUrl, 'POST', `/api/v1/forms/${FORM_KEY}/records/query`, {});
    const list = records.items ?? records.records ?? records;
    assert(
      Array.isArray(list) && list.length === 1,
      `expected one record, got ${JSON.stringify(records).slice(0, 300)}`,
    );
    assert(list[0].values?.formula === 42 || list[0].formula === 42, `formula computed: ${JSON.stringify(list[0])}`);
    await screenshot('runtime-record');
  } else {
    step('  (no runtime table route yet: skipped)');
  }

  step('300 fields: time selecting a field and typing in its label');
  await api(page, baseUrl, 'POST', `/api/v1/apps/${app.id}/forms`, { key: 'e2e_big', name: 'Big form' });
  const big = bigDefinition('e2e_big');
  const bigForm = await api(page, baseUrl, 'GET', '/api/v1/forms/e2e_big');
  await api(page, baseUrl, 'PUT', '/api/v1/forms/e2e_big/draft', { revision: bigForm.draftRevision, definition: big });
  const openStarted = Date.now();
  await page.goto(`${baseUrl}/apps/${app.id}/forms/e2e_big/design`);
  await expectVisible(page.getByTestId('canvas-field-f_299'), { what: 'last of 300 fields', timeoutMs: 20_000 });
  const openMs = Date.now() - openStarted;
  const selectMs = [];
  for (const key of ['f_150', 'f_20', 'f_280']) {
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId(`canvas-field-${key}`).click();
    await page.waitForFunction((k) => document.querySelector('[data-testid="prop-key"]')?.value === k, key);
    selectMs.push((await page.evaluate(() => performance.now())) - started);
  }
  const label = page.getByTestId('prop-label-en');
  const text = 'Quarterly revenue target';
  await label.click();
  await page.keyboard.press('End');
  const typingStarted = await page.evaluate(() => performance.now());
  await label.pressSequentially(text, { delay: 0 });
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="prop-label-en"]')?.value.endsWith(expected),
    text,
  );
  const typingMs = (await page.evaluate(() => performance.now())) - typingStarted;
  const perKey = typingMs / text.length;
  // the same in the page, without Playwright's round trips: React renders discrete input events synchronously
  const inPage = await page.evaluate(() => {
    const input = document.querySelector('[data-testid="prop-label-en"]');
    const setValue = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value').set;
    const times = [];
    for (const character of ' and more') {
      const started = performance.now();
      setValue.call(input, input.value + character);
      input.dispatchEvent(new window.Event('input', { bubbles: true }));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], max: times.at(-1) };
  });
  const selectInPage = await page.evaluate(async () => {
    const times = [];
    for (const key of ['f_10', 'f_11', 'f_200', 'f_201', 'f_12']) {
      const started = performance.now();
      document.querySelector(`[data-testid="canvas-field-${key}"]`).click();
      // React flushes the discrete update in a microtask queued before this one
      await Promise.resolve();
      if (document.querySelector('[data-testid="prop-key"]')?.value !== key) return -1;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  });
  step(
    `  300 fields: open ${openMs} ms, select ${selectMs.map((ms) => ms.toFixed(0)).join('/')} ms, ` +
      `typing ${perKey.toFixed(1)} ms per keystroke (${text.length} keys); in the page: keystroke render ` +
      `${inPage.median.toFixed(1)} ms median / ${inPage.max.toFixed(1)} ms max, select render ${selectInPage.toFixed(1)} ms median`,
  );
  assert(Math.max(...selectMs) < 1_000, `selecting a field took ${Math.max(...selectMs)} ms`);
  assert(perKey < 100, `typing took ${perKey} ms per keystroke`);
}

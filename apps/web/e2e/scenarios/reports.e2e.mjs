// Reports and dashboards: an app + a published deals form + 40 records made through the API; in the browser the
// report designer (drag stage → Dimensions, amount → Measures (sum), pick bar, save), a new dashboard with the
// report dragged onto it, a date-range filter, and a click on a bar that lists the matching records (the count
// is checked against the seeded data). Screenshots go to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { assert, expectPath, expectText, expectVisible } from '../lib/assertions.mjs';
import { api, login } from '../lib/session.mjs';

export const name = 'reports';

const here = dirname(fileURLToPath(import.meta.url));
const screenshotsDir = resolve(here, '../../../../docs/screenshots');
const APP_KEY = 'e2e_analytics';
const FORM_KEY = 'e2e_report_deals';
const STAGES = ['lead', 'qualified', 'proposal', 'won', 'lost'];
const STAGE_LABELS = {
  lead: { 'zh-CN': '线索', 'en-US': 'Lead' },
  qualified: { 'zh-CN': '已确认', 'en-US': 'Qualified' },
  proposal: { 'zh-CN': '方案报价', 'en-US': 'Proposal' },
  won: { 'zh-CN': '赢单', 'en-US': 'Won' },
  lost: { 'zh-CN': '输单', 'en-US': 'Lost' },
};
const RANGE = { from: '2025-02-01', to: '2025-04-30' };
const CLICKED_STAGE = 'won';

const FIELDS = [
  { key: 'title', type: 'text', label: { 'zh-CN': '商机名称', 'en-US': 'Deal' }, required: true },
  {
    key: 'stage',
    type: 'select',
    label: { 'zh-CN': '阶段', 'en-US': 'Stage' },
    options: STAGES.map((value) => ({ value, label: STAGE_LABELS[value] })),
  },
  { key: 'amount', type: 'amount', label: { 'zh-CN': '金额', 'en-US': 'Amount' }, currency: 'CNY' },
  { key: 'closed_on', type: 'date', label: { 'zh-CN': '成交日期', 'en-US': 'Closed on' } },
  { key: 'province', type: 'text', label: { 'zh-CN': '省份', 'en-US': 'Province' } },
];
// provinces written the ways users type them: the map sums 广东 / Guangdong / 广东省 as one province
const PROVINCES = ['广东', 'Guangdong', '浙江省', '北京', 'Inner Mongolia'];
const TARGET_FORM_KEY = 'e2e_report_targets';
const TARGET_FIELDS = [
  { key: 'period', type: 'date', label: { 'zh-CN': '周期', 'en-US': 'Period' } },
  { key: 'rep', type: 'text', label: { 'zh-CN': '销售', 'en-US': 'Rep' } },
  { key: 'goal', type: 'number', label: { 'zh-CN': '目标', 'en-US': 'Goal' } },
];
const TARGETS = [
  { period: '2025-01-01', rep: 'a', goal: 500000 },
  { period: '2025-04-01', rep: 'b', goal: 700000 },
];

/** 40 deals: stages cycle with a bias to "won", dates spread over January–June 2025. */
function seedRecords() {
  const records = [];
  for (let i = 0; i < 40; i++) {
    const stage = i % 3 === 0 ? 'won' : STAGES[i % STAGES.length];
    const month = (i % 6) + 1;
    const day = ((i * 7) % 27) + 1;
    records.push({
      title: `Deal ${i + 1}`,
      stage,
      amount: 10000 + ((i * 7919) % 90000),
      closed_on: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      province: PROVINCES[i % PROVINCES.length],
    });
  }
  return records;
}

/** react-dnd's HTML5 backend: press, nudge, glide to the target, release. */
async function dragAndDrop(page, source, target) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  assert(from && to, 'drag source or target is not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Moves the pointer down the middle of a chart until the axis tooltip names the category; returns that point. */
async function findCategory(page, chart, category) {
  const box = await chart.boundingBox();
  assert(box, 'chart is not visible');
  const x = box.x + box.width * 0.3;
  for (let y = box.y + 4; y < box.y + box.height - 4; y += 4) {
    await page.mouse.move(x, y);
    await delay(20);
    const text = await chart.innerText();
    if (text.split('\n')[0]?.trim() === category) return { x, y };
  }
  throw new Error(`no bar for "${category}" found under the pointer`);
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  mkdirSync(screenshotsDir, { recursive: true });

  step('log in; create an app, a published deals form and 40 records through the API');
  const token = await login(page, baseUrl, credentials);
  const app = await api(baseUrl, token, 'POST', '/api/v1/apps', {
    key: APP_KEY,
    name: { 'zh-CN': '销售分析', 'en-US': 'Sales analytics' },
    color: '#0ea5a4',
  });
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/forms`, {
    key: FORM_KEY,
    name: 'Report deals',
    fields: FIELDS,
  });
  const form = await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}`);
  await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/publish`, { revision: form.draftRevision });
  const records = seedRecords();
  await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/records/bulk`, {
    create: records.map((values) => ({ values })),
  });
  const expected = records.filter(
    (r) => r.stage === CLICKED_STAGE && r.closed_on >= RANGE.from && r.closed_on <= RANGE.to,
  ).length;
  assert(expected > 0, 'the seeded data should have won deals in the range');

  step('report designer: pick the form, drag stage → Dimensions and amount → Measures');
  await page.goto(`${baseUrl}/apps/${app.id}/reports/new`);
  await expectVisible(page.getByTestId('report-designer'), { what: 'report designer' });
  await page.getByTestId('report-source-form').click();
  // The demo tenant already has the CRM's forms: search, as a user would, so the option is in the list.
  await page.keyboard.type('Report deals');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: 'Report deals' })
    .click();
  await expectVisible(page.getByTestId(`report-field-stage`), { what: 'stage field in the list' });
  await dragAndDrop(page, page.getByTestId('report-field-stage'), page.getByTestId('well-dimensions'));
  await expectVisible(page.getByTestId('dimension-pill-stage'), { what: 'stage pill in Dimensions' });
  await dragAndDrop(page, page.getByTestId('report-field-amount'), page.getByTestId('well-measures'));
  const measurePill = page.getByTestId('measure-pill-amount');
  await expectVisible(measurePill, { what: 'amount pill in Measures' });
  await expectText(measurePill, 'Sum', { what: 'the amount is summed' });

  step('pick the bar chart, see the live preview, name and save the report');
  await page.getByTestId('chart-type-bar').click();
  await expectVisible(page.getByTestId('preview-chart'), { what: 'live preview chart' });
  await expectText(page.getByTestId('preview-meta'), '5 rows', { what: 'one preview row per stage' });
  await page.getByTestId('report-name').fill('Deals by stage');
  await delay(600); // the debounced preview settles before the screenshot
  await page.screenshot({ path: resolve(screenshotsDir, 'report-designer.png') });
  await page.getByTestId('report-save').click();
  await expectPath(page, /^\/reports\/report_[a-z0-9]+\/design$/);
  const reportKey = new URL(page.url()).pathname.split('/')[2];
  const stored = await api(baseUrl, token, 'GET', `/api/v1/reports/${reportKey}`);
  assert(stored.definition.chart.type === 'bar', `saved chart type is ${stored.definition.chart.type}`);
  assert(
    stored.definition.dimensions[0]?.field === 'stage' && stored.definition.measures[0]?.aggregate === 'sum',
    `saved definition: ${JSON.stringify(stored.definition)}`,
  );
  await screenshot('report-saved');

  step('create a dashboard from the sidebar and drag the report onto it');
  await page.goto(`${baseUrl}/`);
  await page.getByTestId(`sidebar-new-dashboard-${APP_KEY}`).click();
  await page.getByTestId('new-dashboard-name').fill('Sales overview');
  await page.getByTestId('new-dashboard-name').press('Enter');
  await expectPath(page, /^\/dashboards\/dashboard_[a-z0-9]+$/);
  const dashboardKey = new URL(page.url()).pathname.split('/')[2];
  await expectVisible(page.getByTestId(`palette-report-${reportKey}`), { what: 'report in the palette' });
  await dragAndDrop(page, page.getByTestId(`palette-report-${reportKey}`), page.getByTestId('dashboard-grid'));
  await expectVisible(page.getByTestId(`chart-${reportKey}`), { what: 'the chart on the dashboard' });

  step('add a date-range filter mapped to "Closed on"');
  await page.getByTestId('dashboard-edit-filters').click();
  await page.getByTestId('filter-add').click();
  await page.getByTestId('filter-label').fill('Closed on');
  await expectText(page.getByTestId(`filter-mapping-${reportKey}`), 'Closed on', { what: 'auto-mapped field' });
  await page.locator('#filter-editor-save').click();
  await page.getByTestId('dashboard-done').click();
  for (let i = 0; i < 50; i++) {
    const saved = await api(baseUrl, token, 'GET', `/api/v1/dashboards/${dashboardKey}`);
    if (saved.definition.filters.length === 1 && saved.definition.items.length === 1) break;
    assert(i < 49, `the dashboard was not saved: ${JSON.stringify(saved.definition)}`);
    await delay(100);
  }

  step(`set the range ${RANGE.from} – ${RANGE.to}`);
  const filter = page.getByTestId('dashboard-filter-bar');
  await filter.getByTestId('filter-date-from').fill(RANGE.from);
  await filter.getByTestId('filter-date-to').fill(RANGE.to);
  await delay(800); // the dashboard runs again with the filter
  const chart = page.getByTestId(`chart-${reportKey}`);
  await expectVisible(chart, { what: 'the filtered chart' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(screenshotsDir, 'dashboard.png') });

  step(`click the "${CLICKED_STAGE}" bar: the drawer lists the ${expected} matching records`);
  const point = await findCategory(page, chart, STAGE_LABELS[CLICKED_STAGE]['en-US']);
  await page.mouse.click(point.x, point.y);
  const total = page.getByTestId('drill-total');
  await expectText(total, `${expected} records`, { what: 'drill-down total' });
  const rows = page.getByTestId('drill-records').locator('tbody tr.ant-table-row');
  for (let i = 0; i < 50 && (await rows.count()) !== Math.min(expected, 20); i++) await delay(100);
  assert((await rows.count()) === Math.min(expected, 20), `expected ${expected} rows, saw ${await rows.count()}`);
  await expectText(page.getByTestId('drill-records'), STAGE_LABELS[CLICKED_STAGE]['en-US'], {
    what: 'stage in the drilled records',
  });
  await page.screenshot({ path: resolve(screenshotsDir, 'dashboard-drill-down.png') });

  step('through the API: a map by province and an indicator with a target, added to the same dashboard');
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/forms`, {
    key: TARGET_FORM_KEY,
    name: 'Report targets',
    fields: TARGET_FIELDS,
  });
  const targetForm = await api(baseUrl, token, 'GET', `/api/v1/forms/${TARGET_FORM_KEY}`);
  await api(baseUrl, token, 'POST', `/api/v1/forms/${TARGET_FORM_KEY}/publish`, {
    revision: targetForm.draftRevision,
  });
  await api(baseUrl, token, 'POST', `/api/v1/forms/${TARGET_FORM_KEY}/records/bulk`, {
    create: TARGETS.map((values) => ({ values })),
  });
  const amount = { field: 'amount', aggregate: 'sum', as: 'total' };
  const mapKey = `${reportKey}_map`;
  const kpiKey = `${reportKey}_kpi`;
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/reports`, {
    definition: {
      key: mapKey,
      name: 'Amount by province',
      source: { form: FORM_KEY },
      dimensions: [{ field: 'province' }],
      measures: [amount],
      chart: { type: 'map_china' },
    },
  });
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/reports`, {
    definition: {
      key: kpiKey,
      name: 'Amount vs target',
      source: { form: FORM_KEY },
      dimensions: [],
      measures: [amount],
      target: {
        targetForm: TARGET_FORM_KEY,
        periodField: 'period',
        ownerField: 'rep',
        valueField: 'goal',
        matchBy: 'owner',
      },
      chart: { type: 'indicator' },
    },
  });
  const sum = (list) => list.reduce((s, r) => s + r.amount, 0);
  const mapRun = await api(baseUrl, token, 'POST', `/api/v1/reports/${mapKey}/run`, { locale: 'en-US' });
  const guangdong = mapRun.chartOption.series[0].data.find((d) => d.name === '广东省');
  const expectedGuangdong = sum(records.filter((r) => r.province === '广东' || r.province === 'Guangdong'));
  assert(guangdong?.value === expectedGuangdong, `广东省 on the map: ${guangdong?.value} ≠ ${expectedGuangdong}`);
  assert(
    mapRun.chartOption.series[0].data.some((d) => d.name === '内蒙古自治区'),
    'Inner Mongolia is on the map under its ECharts name',
  );
  const kpiRun = await api(baseUrl, token, 'POST', `/api/v1/reports/${kpiKey}/run`, { locale: 'en-US' });
  const goal = TARGETS.reduce((s, t) => s + t.goal, 0);
  const kpi = kpiRun.rows[0];
  assert(kpi.total === sum(records) && kpi.target_value === goal, `indicator row: ${JSON.stringify(kpi)}`);
  assert(Math.abs(kpi.target_progress - sum(records) / goal) < 1e-9, `progress ${kpi.target_progress}`);
  const drill = await api(baseUrl, token, 'POST', `/api/v1/reports/${mapKey}/drill-down`, {
    point: { dimensionValues: ['北京'] },
    limit: 100,
    offset: 0,
  });
  const beijing = records.filter((r) => r.province === '北京').length;
  assert(drill.total === beijing, `drill into 北京: ${drill.total} ≠ ${beijing}`);
  const current = await api(baseUrl, token, 'GET', `/api/v1/dashboards/${dashboardKey}`);
  const first = current.definition.items[0];
  const below = Math.max(...current.definition.items.map((i) => i.y + i.h));
  await api(baseUrl, token, 'PUT', `/api/v1/dashboards/${dashboardKey}`, {
    version: current.version,
    definition: {
      ...current.definition,
      items: [
        ...current.definition.items,
        { reportKey: mapKey, x: 0, y: below, w: first.w, h: 8 },
        { reportKey: kpiKey, x: first.x + first.w, y: first.y, w: 4, h: 4 },
      ],
    },
  });

  step('the dashboard draws the map of China (lazily loaded GeoJSON) and the indicator with its target');
  await page.keyboard.press('Escape');
  await page.goto(`${baseUrl}/dashboards/${dashboardKey}`);
  const map = page.getByTestId(`chart-${mapKey}`);
  await expectVisible(map.locator('canvas'), { what: 'the map of China' });
  const card = page.getByTestId(`chart-${kpiKey}`).getByTestId('indicator-card');
  await expectText(card, 'Target', { what: 'the indicator shows its target' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(screenshotsDir, 'dashboard-map-target.png'), fullPage: true });
}

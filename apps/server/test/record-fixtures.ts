import type { TestApp } from './test-app';

/** A small customer form: the target of relations in the record tests. */
export const CUSTOMER_FIELDS = [
  { key: 'name', type: 'text', label: { 'zh-CN': '客户名称', 'en-US': 'Name' }, required: true },
  {
    key: 'region',
    type: 'select',
    label: 'Region',
    options: [
      { value: 'east', label: '华东' },
      { value: 'south', label: '华南' },
      { value: 'north', label: '华北' },
    ],
  },
  { key: 'tier', type: 'text', label: 'Tier' },
];

/** A 20-field contract form: relation, sub-table, formula, unique field, auto-number and the common types. */
export const CONTRACT_FIELDS = [
  { key: 'code', type: 'auto_number', label: '合同编号', autoNumber: { pattern: 'HT-{YYYY}{MM}-{0000}' } },
  { key: 'title', type: 'text', label: { 'zh-CN': '标题', 'en-US': 'Title' }, required: true, maxLength: 200 },
  { key: 'external_id', type: 'text', label: 'External id', unique: true },
  { key: 'customer', type: 'relation', label: '客户', relation: { form: 'customers', displayField: 'name' } },
  { key: 'customer_region', type: 'lookup', label: 'Region', lookup: { relationField: 'customer', field: 'region' } },
  {
    key: 'stage',
    type: 'select',
    label: 'Stage',
    options: [
      { value: 'draft', label: 'Draft' },
      { value: 'signed', label: 'Signed' },
      { value: 'closed', label: 'Closed' },
    ],
  },
  { key: 'amount', type: 'amount', label: 'Amount', min: 0 },
  { key: 'discount', type: 'percent', label: 'Discount', min: 0, max: 100 },
  {
    key: 'net',
    type: 'formula',
    label: 'Net',
    formula: { expression: 'amount * (1 - discount / 100)', resultType: 'number' },
  },
  { key: 'signed_on', type: 'date', label: 'Signed on' },
  { key: 'reminder_at', type: 'datetime', label: 'Reminder' },
  {
    key: 'tags',
    type: 'multi_select',
    label: 'Tags',
    options: [
      { value: 'vip', label: 'VIP' },
      { value: 'renewal', label: 'Renewal' },
    ],
  },
  { key: 'priority', type: 'rating', label: 'Priority', max: 5 },
  { key: 'is_framework', type: 'switch', label: 'Framework' },
  { key: 'contact_email', type: 'email', label: 'E-mail' },
  { key: 'contact_phone', type: 'phone', label: 'Phone' },
  { key: 'manager', type: 'member', label: 'Manager' },
  { key: 'notes', type: 'textarea', label: 'Notes' },
  {
    key: 'items',
    type: 'sub_table',
    label: 'Line items',
    fields: [
      { key: 'product', type: 'text', label: 'Product', required: true },
      { key: 'qty', type: 'number', label: 'Qty', min: 1 },
      { key: 'price', type: 'amount', label: 'Price' },
      {
        key: 'line_total',
        type: 'formula',
        label: 'Total',
        formula: { expression: 'qty * price', resultType: 'number' },
      },
    ],
  },
  { key: 'owner', type: 'owner', label: 'Owner' },
];

export async function createPublishedForm(
  t: TestApp,
  auth: string,
  appId: string,
  key: string,
  name: string,
  fields: unknown[],
): Promise<void> {
  const created = await t.http
    .post(`/api/v1/apps/${appId}/forms`)
    .set('authorization', auth)
    .send({ key, name, fields })
    .expect(201);
  const published = await t.http
    .post(`/api/v1/forms/${key}/publish`)
    .set('authorization', auth)
    .send({ revision: created.body.draftRevision });
  if (published.status !== 200) throw new Error(`publish ${key} failed: ${JSON.stringify(published.body)}`);
}

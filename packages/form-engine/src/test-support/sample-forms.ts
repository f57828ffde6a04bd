import type { FieldDefinition, FormDefinition } from '@tessera/schema';

/** A quote form with 20+ fields of most families, used by the DDL and validation tests. */
export const customersForm: FormDefinition = {
  key: 'customers',
  name: 'Customers',
  fields: [{ type: 'text', key: 'name', label: 'Name', required: true }],
};

export const quoteFieldsV1: FieldDefinition[] = [
  { type: 'auto_number', key: 'quote_no', label: '报价单号', autoNumber: { pattern: 'BJ-{YYYY}{MM}-{0000}' } },
  { type: 'text', key: 'title', label: { 'zh-CN': '标题', 'en-US': 'Title' }, required: true, maxLength: 100 },
  { type: 'textarea', key: 'notes', label: 'Notes' },
  { type: 'rich_text', key: 'terms', label: 'Terms' },
  { type: 'number', key: 'qty_total', label: 'Quantity', min: 0 },
  { type: 'amount', key: 'amount', label: 'Amount', currency: 'CNY', min: 0 },
  { type: 'percent', key: 'discount', label: 'Discount', min: 0, max: 100 },
  { type: 'date', key: 'quote_date', label: 'Quote date', indexed: true },
  { type: 'datetime', key: 'sent_at', label: 'Sent at' },
  { type: 'time', key: 'call_time', label: 'Call time' },
  { type: 'duration', key: 'effort', label: 'Effort' },
  {
    type: 'select',
    key: 'stage',
    label: 'Stage',
    options: [
      { value: 'draft', label: { 'zh-CN': '草稿', 'en-US': 'Draft' }, color: 'gray' },
      { value: 'sent', label: { 'zh-CN': '已发送', 'en-US': 'Sent' }, color: 'blue' },
    ],
  },
  {
    type: 'multi_select',
    key: 'tags',
    label: 'Tags',
    options: [
      { value: 'vip', label: 'VIP' },
      { value: 'new', label: 'New' },
    ],
  },
  { type: 'switch', key: 'urgent', label: 'Urgent' },
  { type: 'rating', key: 'priority', label: 'Priority', max: 5 },
  { type: 'email', key: 'contact_email', label: 'Email', unique: true },
  { type: 'phone', key: 'contact_phone', label: 'Phone' },
  { type: 'member', key: 'sales_rep', label: 'Sales rep' },
  { type: 'department', key: 'departments', label: 'Departments', multiple: true },
  { type: 'region', key: 'region', label: 'Region', level: 'city' },
  { type: 'relation', key: 'customer', label: 'Customer', relation: { form: 'customers', displayField: 'name' } },
  { type: 'relation', key: 'cc_customers', label: 'Also for', relation: { form: 'customers', multiple: true } },
  {
    type: 'lookup',
    key: 'customer_name',
    label: 'Customer name',
    lookup: { relationField: 'customer', field: 'name' },
  },
  {
    type: 'sub_table',
    key: 'items',
    label: 'Line items',
    fields: [
      { type: 'text', key: 'product', label: 'Product', required: true },
      { type: 'number', key: 'qty', label: 'Qty', min: 1 },
      { type: 'amount', key: 'price', label: 'Price' },
      {
        type: 'formula',
        key: 'line_total',
        label: 'Line total',
        formula: { expression: 'qty * price', resultType: 'number' },
      },
    ],
  },
  {
    type: 'formula',
    key: 'grand_total',
    label: 'Grand total',
    formula: {
      expression: '$sum(items.line_total) * (1 - (discount ? discount : 0) / 100)',
      resultType: 'number',
      precision: 2,
    },
  },
  { type: 'section', key: 'more', label: 'More', children: ['notes', 'terms'] },
  { type: 'owner', key: 'owner', label: 'Owner' },
  { type: 'created_at', key: 'created_on', label: 'Created' },
];

export const quoteFormV1: FormDefinition = {
  key: 'quotes',
  name: 'Quotes',
  fields: quoteFieldsV1,
  titleField: 'title',
};

/** v2: a field removed, three added (one in the sub-table), one made unique, an amount's precision widened. */
export const quoteFormV2: FormDefinition = {
  ...quoteFormV1,
  fields: [
    ...quoteFieldsV1
      .filter((f) => f.key !== 'effort')
      .map((f): FieldDefinition => {
        if (f.key === 'contact_phone') return { ...f, unique: true };
        if (f.key === 'amount' && f.type === 'amount') return { ...f, precision: 4 };
        if (f.type === 'sub_table')
          return { ...f, fields: [...f.fields, { type: 'text', key: 'unit', label: 'Unit' }] };
        return f;
      }),
    { type: 'url', key: 'website', label: 'Website' },
    { type: 'location', key: 'site', label: 'Site' },
  ],
};

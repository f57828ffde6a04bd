import { randomUUID } from 'node:crypto';
import { api, type BenchServer } from './bench-server';

/** The 20-field form every record benchmark uses (one formula, indexed sort/filter fields). */
export const BENCH_FIELDS = [
  { key: 'title', type: 'text', label: 'Title', required: true },
  { key: 'company', type: 'text', label: 'Company' },
  { key: 'contact', type: 'text', label: 'Contact' },
  { key: 'city', type: 'text', label: 'City' },
  { key: 'source', type: 'text', label: 'Source' },
  { key: 'code', type: 'text', label: 'Code' },
  { key: 'quantity', type: 'number', label: 'Quantity', min: 0 },
  { key: 'score', type: 'number', label: 'Score' },
  { key: 'probability', type: 'percent', label: 'Probability', min: 0, max: 100 },
  { key: 'amount', type: 'amount', label: 'Amount', min: 0, indexed: true },
  { key: 'cost', type: 'amount', label: 'Cost' },
  { key: 'margin', type: 'formula', label: 'Margin', formula: { expression: 'amount - cost', resultType: 'number' } },
  { key: 'opened_on', type: 'date', label: 'Opened' },
  { key: 'close_on', type: 'date', label: 'Close' },
  { key: 'touched_at', type: 'datetime', label: 'Touched' },
  {
    key: 'stage',
    type: 'select',
    label: 'Stage',
    indexed: true,
    options: ['lead', 'contact', 'needs', 'proposal', 'won'].map((value) => ({ value, label: value })),
  },
  {
    key: 'tags',
    type: 'multi_select',
    label: 'Tags',
    options: ['vip', 'renewal', 'partner'].map((value) => ({ value, label: value })),
  },
  { key: 'active', type: 'switch', label: 'Active' },
  { key: 'email', type: 'email', label: 'E-mail' },
  { key: 'notes', type: 'textarea', label: 'Notes' },
];

export const STAGES = ['lead', 'contact', 'needs', 'proposal', 'won'];

export async function createBenchForm(server: BenchServer, key: string): Promise<void> {
  const app = await api<{ id: string }>(server, 'POST', '/api/v1/apps', { key: `bench_${key}`, name: `Bench ${key}` });
  const form = await api<{ draftRevision: number }>(server, 'POST', `/api/v1/apps/${app.id}/forms`, {
    key,
    name: key,
    fields: BENCH_FIELDS,
  });
  await api(server, 'POST', `/api/v1/forms/${key}/publish`, { revision: form.draftRevision });
}

/** One record's values (the formula field is computed by the server). */
export function benchValues(i: number): Record<string, unknown> {
  return {
    title: `Deal ${i}`,
    company: `Company ${i % 997}`,
    contact: `Contact ${i % 101}`,
    city: ['Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou'][i % 4],
    source: ['web', 'referral', 'event'][i % 3],
    code: `C-${i}`,
    quantity: i % 50,
    score: (i * 7) % 100,
    probability: (i * 13) % 100,
    amount: (i * 37) % 100000,
    cost: (i * 11) % 50000,
    opened_on: '2026-03-01',
    close_on: '2026-06-30',
    touched_at: '2026-11-25T08:00:00.000Z',
    stage: STAGES[i % 5],
    tags: i % 2 ? ['vip'] : [],
    active: i % 3 === 0,
    email: `user${i}@example.com`,
    notes: 'Benchmark record',
  };
}

/** The same row as a bare INSERT would write it (id and system columns included). */
export function bareRow(i: number, userId: string): Record<string, unknown> {
  const values = benchValues(i);
  return {
    id: randomUUID(),
    created_by: userId,
    updated_by: userId,
    owner_id: userId,
    ...values,
    margin: (values.amount as number) - (values.cost as number),
  };
}

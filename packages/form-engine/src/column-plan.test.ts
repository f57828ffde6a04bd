import { Client } from 'pg';
import type { FormDefinition } from '@tessera/schema';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { columnPlan } from './column-plan';
import { compile } from './compile-form';
import { renderDdl } from './render-ddl';
import { customersForm, quoteFormV1, quoteFormV2 } from './test-support/sample-forms';

describe('columnPlan', () => {
  it('creates the table with system columns, indexes, child and link tables from nothing', () => {
    const { steps, refused } = compile(quoteFormV1).columnPlan();
    expect(refused).toEqual([]);
    const create = steps[0];
    expect(create.kind).toBe('create_table');
    if (create.kind !== 'create_table') return;
    const columns = Object.fromEntries(create.columns.map((c) => [c.name, c.type]));
    expect(columns).toMatchObject({
      id: 'uuid',
      created_at: 'timestamptz',
      created_by: 'uuid',
      updated_at: 'timestamptz',
      updated_by: 'uuid',
      owner_id: 'uuid',
      version: 'integer',
      deleted_at: 'timestamptz',
      title: 'text',
      amount: 'numeric(18,2)',
      qty_total: 'numeric',
      quote_date: 'date',
      sent_at: 'timestamptz',
      call_time: 'time',
      tags: 'text[]',
      urgent: 'boolean',
      priority: 'smallint',
      departments: 'uuid[]',
      region: 'jsonb',
      customer: 'uuid',
      grand_total: 'numeric',
    });
    // no column for layout, lookups, sub-tables, multi relations or system-backed fields
    for (const k of ['more', 'customer_name', 'items', 'cc_customers', 'owner', 'created_on'])
      expect(columns[k]).toBeUndefined();
    expect(steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['create_unique_index', 'create_index', 'create_child_table', 'create_link_table']),
    );
    expect(steps).toContainEqual({ kind: 'create_unique_index', column: 'contact_email' });
    expect(steps).toContainEqual({ kind: 'create_unique_index', column: 'quote_no' });
  });

  it('adds new fields, widens a type, adds a unique index and keeps removed fields', () => {
    const { steps, refused } = columnPlan(quoteFormV2, quoteFormV1);
    expect(refused).toEqual([]);
    expect(steps).toEqual([
      { kind: 'alter_column_type', column: 'amount', from: 'numeric(18,2)', to: 'numeric(20,4)' },
      { kind: 'create_unique_index', column: 'contact_phone' },
      { kind: 'add_column', table: 'items', column: { name: 'unit', type: 'text' } },
      { kind: 'add_column', column: { name: 'website', type: 'text' } },
      { kind: 'add_column', column: { name: 'site', type: 'jsonb' } },
      { kind: 'drop_not_null', column: 'effort' },
    ]);
  });

  it('refuses incompatible type changes', () => {
    const next: FormDefinition = {
      ...quoteFormV1,
      fields: quoteFormV1.fields.map((f) => {
        if (f.key === 'title') return { type: 'number', key: 'title', label: 'Title' };
        if (f.key === 'customer' && f.type === 'relation') return { ...f, relation: { ...f.relation, multiple: true } };
        return f;
      }),
    };
    const { refused } = columnPlan(next, quoteFormV1);
    expect(refused.map((r) => r.path)).toEqual(['/fields/1', '/fields/20']);
    expect(refused[0].message).toMatch(/text cannot become numeric/);
  });
});

describe('renderDdl', () => {
  it('renders quoted SQL', () => {
    expect(renderDdl(compile(customersForm).columnPlan().steps, 't_demo', 'customers')).toMatchSnapshot();
    expect(renderDdl(compile(quoteFormV1).columnPlan().steps, 't_demo', 'quotes')).toMatchSnapshot();
    expect(renderDdl(columnPlan(quoteFormV2, quoteFormV1).steps, 't_demo', 'quotes')).toMatchSnapshot();
  });

  it('refuses identifiers that are not safe', () => {
    expect(() => renderDdl(compile(customersForm).columnPlan().steps, 't_demo', 'Robert"; drop')).toThrow();
  });
});

describe('DDL on PostgreSQL', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase('fe');
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('applies version 1 and version 2 of a 20+ field form and stores a row', async () => {
    await client.query('CREATE SCHEMA "t_demo"');
    for (const sql of renderDdl(compile(customersForm).columnPlan().steps, 't_demo', 'customers'))
      await client.query(sql);
    const v1 = compile(quoteFormV1).columnPlan();
    expect(quoteFormV1.fields.length).toBeGreaterThanOrEqual(20);
    await client.query('BEGIN');
    for (const sql of renderDdl(v1.steps, 't_demo', 'quotes')) await client.query(sql);
    await client.query('COMMIT');
    await client.query('BEGIN');
    for (const sql of renderDdl(columnPlan(quoteFormV2, quoteFormV1).steps, 't_demo', 'quotes'))
      await client.query(sql);
    await client.query('COMMIT');

    const customer = await client.query<{ id: string }>(
      'INSERT INTO "t_demo"."customers" ("name") VALUES ($1) RETURNING "id"',
      ['ACME'],
    );
    const record = {
      quote_no: 'BJ-202403-0001',
      title: 'First quote',
      amount: 1234.5678,
      discount: 10,
      quote_date: '2024-03-05',
      sent_at: '2024-03-05T06:30:00.000Z',
      call_time: '09:30',
      tags: ['vip'],
      urgent: true,
      priority: 4,
      departments: ['3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
      region: { province: '广东省', city: '深圳市' },
      customer: customer.rows[0].id,
      website: 'https://acme.cn',
      site: { lat: 22.5, lng: 114 },
    };
    const v2 = compile(quoteFormV2);
    expect(v2.validate(record, 'create').errors).toEqual([]);
    const keys = Object.keys(record);
    const values = keys.map((k) => {
      const v = (record as Record<string, unknown>)[k];
      return typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
    });
    const { rows } = await client.query<{ id: string; amount: string; version: number }>(
      `INSERT INTO "t_demo"."quotes" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING "id", "amount", "version"`,
      values,
    );
    expect(rows[0]).toMatchObject({ amount: '1234.5678', version: 1 });
    await client.query(
      'INSERT INTO "t_demo"."quotes__items" ("parent_id", "sort_index", "product", "qty", "price", "unit") VALUES ($1, 0, $2, $3, $4, $5)',
      [rows[0].id, 'Widget', 2, 9.9, 'pcs'],
    );
    await client.query('INSERT INTO "t_demo"."quotes__cc_customers" ("record_id", "target_id") VALUES ($1, $2)', [
      rows[0].id,
      customer.rows[0].id,
    ]);
    // unique indexes ignore soft-deleted records
    await expect(
      client.query('INSERT INTO "t_demo"."quotes" ("quote_no") VALUES ($1)', ['BJ-202403-0001']),
    ).rejects.toThrow(/duplicate key/);
    await client.query('UPDATE "t_demo"."quotes" SET "deleted_at" = now()');
    await client.query('INSERT INTO "t_demo"."quotes" ("quote_no") VALUES ($1)', ['BJ-202403-0001']);
    // the child row goes with its parent
    await client.query('DELETE FROM "t_demo"."quotes" WHERE "id" = $1', [rows[0].id]);
    const left = await client.query('SELECT count(*)::int AS n FROM "t_demo"."quotes__items"');
    expect(left.rows[0].n).toBe(0);
  });
});

import type { Client } from 'pg';
import type { ConditionContext } from '@tessera/query';
import type { ReportSources } from '../report-sources';

/** A small CRM in one tenant schema: customers, opportunities (→ customer) and sales targets. */
export const SCHEMA = 'tenant_demo';

export const OWNERS = [
  '00000000-0000-4000-8000-00000000000a',
  '00000000-0000-4000-8000-00000000000b',
  '00000000-0000-4000-8000-00000000000c',
  '00000000-0000-4000-8000-00000000000d',
];
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
export const REGIONS = ['华东', '华南', '华北', '西南', '西北', '东北', '华中', null];
export const PROVINCES = ['广东', '广东省', 'Guangdong', '浙江省', 'zhejiang', '北京', 'Shanghai', null];

export const sources: ReportSources = {
  schema: SCHEMA,
  forms: {
    opportunities: {
      key: 'opportunities',
      table: 'opportunities',
      fields: [
        { key: 'stage', kind: 'text' },
        { key: 'amount', kind: 'number' },
        { key: 'region', kind: 'text' },
        { key: 'closed_at', kind: 'date' },
        { key: 'signed_at', kind: 'datetime' },
        { key: 'customer_id', kind: 'uuid' },
      ],
      relations: { customer_id: 'customers' },
    },
    customers: {
      key: 'customers',
      table: 'customers',
      fields: [
        { key: 'name', kind: 'text' },
        { key: 'province', kind: 'text' },
      ],
    },
    targets: {
      key: 'targets',
      table: 'targets',
      fields: [
        { key: 'period', kind: 'date' },
        { key: 'owner', kind: 'uuid' },
        { key: 'value', kind: 'number' },
      ],
    },
  },
};

export const ctx: ConditionContext = {
  now: new Date('2024-06-15T04:00:00Z'),
  timeZone: 'Asia/Shanghai',
  userId: OWNERS[0],
};

export interface Opportunity {
  id: string;
  stage: string;
  /** In cents, to keep the oracle exact. */
  cents: number;
  owner_id: string;
  region: string | null;
  closed_at: string;
  signed_at: Date;
  customer_id: string | null;
  deleted: boolean;
}
export interface Customer {
  id: string;
  name: string;
  province: string | null;
  deleted: boolean;
}
export interface Target {
  period: string;
  owner: string;
  cents: number;
}

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(prefix: number, n: number): string {
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface CrmData {
  customers: Customer[];
  opportunities: Opportunity[];
  targets: Target[];
}

/** Deterministic data: 30 customers, 400 opportunities (some soft-deleted), monthly targets per owner. */
export function generate(): CrmData {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const customers: Customer[] = Array.from({ length: 30 }, (_, i) => ({
    id: uuid(1, i + 1),
    name: `C${i}`,
    province: pick(PROVINCES),
    deleted: i === 29,
  }));
  const opportunities: Opportunity[] = Array.from({ length: 400 }, (_, i) => {
    const month = Math.floor(r() * 12);
    // a third of the signing instants fall within ±10 h of a Shanghai month boundary
    const boundary = Date.UTC(2024, month, 1) - 8 * 3_600_000;
    const signed =
      i % 3 === 0
        ? boundary + Math.round((r() - 0.5) * 20 * 3_600_000)
        : Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * 86_400_000);
    const day = Math.floor(r() * 366);
    return {
      id: uuid(2, i + 1),
      stage: pick(STAGES),
      cents: Math.floor(r() * 10_000_000),
      owner_id: pick(OWNERS),
      region: pick(REGIONS),
      closed_at: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
      signed_at: new Date(signed),
      customer_id: r() < 0.1 ? null : pick(customers).id,
      deleted: i % 20 === 7,
    };
  });
  const targets: Target[] = [];
  for (let m = 0; m < 12; m++)
    for (const [k, owner] of OWNERS.entries())
      targets.push({
        period: `2024-${String(m + 1).padStart(2, '0')}-01`,
        owner,
        cents: (k + 1) * 1_000_000 + m * 10_000,
      });
  return { customers, opportunities, targets };
}

const SYSTEM = `id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(), updated_by uuid, owner_id uuid, version int NOT NULL DEFAULT 1,
  deleted_at timestamptz`;

export async function load(client: Client, data: CrmData): Promise<void> {
  await client.query(`CREATE SCHEMA ${SCHEMA}`);
  await client.query(`CREATE TABLE ${SCHEMA}.customers (${SYSTEM}, name text, province text)`);
  await client.query(
    `CREATE TABLE ${SCHEMA}.opportunities (${SYSTEM}, stage text, amount numeric(18,2), region text, closed_at date,
      signed_at timestamptz, customer_id uuid REFERENCES ${SCHEMA}.customers(id))`,
  );
  await client.query(`CREATE TABLE ${SCHEMA}.targets (${SYSTEM}, period date, owner uuid, value numeric(18,2))`);
  for (const c of data.customers)
    await client.query(`INSERT INTO ${SCHEMA}.customers (id, name, province, deleted_at) VALUES ($1, $2, $3, $4)`, [
      c.id,
      c.name,
      c.province,
      c.deleted ? new Date() : null,
    ]);
  for (const o of data.opportunities)
    await client.query(
      `INSERT INTO ${SCHEMA}.opportunities (id, stage, amount, owner_id, region, closed_at, signed_at, customer_id, deleted_at)
       VALUES ($1, $2, $3::numeric / 100, $4, $5, $6, $7, $8, $9)`,
      [
        o.id,
        o.stage,
        o.cents,
        o.owner_id,
        o.region,
        o.closed_at,
        o.signed_at,
        o.customer_id,
        o.deleted ? new Date() : null,
      ],
    );
  for (const [i, t] of data.targets.entries())
    await client.query(
      `INSERT INTO ${SCHEMA}.targets (id, period, owner, value) VALUES ($1, $2, $3, $4::numeric / 100)`,
      [uuid(3, i + 1), t.period, t.owner, t.cents],
    );
}

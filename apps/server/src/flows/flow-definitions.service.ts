import { Injectable } from '@nestjs/common';
import type { FlowDefinition, QueryableField, TriggerType } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import { notFound, ProblemException } from '../common/problem/problem.exception';
import { FormCatalog } from '../forms/form-catalog.service';

/** One published, immutable flow version with what running it needs. */
export interface LoadedFlow {
  id: string;
  key: string;
  version: number;
  definition: FlowDefinition;
  /** The main form, whose fields conditions may reference (null for form-less flows). */
  form: string | null;
  /** Queryable fields of the main form (for @tessera/query's matches). */
  fields: QueryableField[];
  publishedBy: string | null;
}

export interface FlowRow {
  id: string;
  app_id: string;
  key: string;
  draft: FlowDefinition;
  draft_revision: number;
  published_version: number | null;
  enabled: boolean;
  trigger_type: TriggerType | null;
  trigger_form: string | null;
  webhook_token_hash: string | null;
  published_by: string | null;
  updated_at: Date;
}

const MAX_CACHED = 1000;

export function mainFormOf(definition: FlowDefinition): string | null {
  return definition.form ?? ('form' in definition.trigger ? (definition.trigger.form ?? null) : null);
}

/**
 * Loads published flow versions (cached: a version never changes) and finds the flows a record event triggers.
 * Always inside the caller's tenant transaction.
 */
@Injectable()
export class FlowDefinitions {
  private readonly cache = new Map<string, Omit<LoadedFlow, 'fields'>>();

  constructor(private readonly catalog: FormCatalog) {}

  async row(em: EntityManager, key: string, lock = false): Promise<FlowRow> {
    const rows: FlowRow[] = await em.query(`SELECT * FROM flows WHERE key = $1${lock ? ' FOR UPDATE' : ''}`, [key]);
    if (!rows[0]) throw notFound(`No flow ${key}`);
    return rows[0];
  }

  /** The current published version of a flow by key; 409 when never published. */
  async published(em: EntityManager, tenantId: string, key: string): Promise<LoadedFlow> {
    const row = await this.row(em, key);
    if (row.published_version === null)
      throw new ProblemException(409, `The flow ${key} has not been published yet`, [
        { path: '/key', code: 'not_published', message: 'Publish the flow first' },
      ]);
    return this.version(em, tenantId, row.id, row.published_version);
  }

  async version(em: EntityManager, tenantId: string, flowId: string, version: number): Promise<LoadedFlow> {
    const cacheKey = `${flowId}@${version}`;
    let base = this.cache.get(cacheKey);
    if (!base) {
      const rows: { key: string; definition: FlowDefinition; published_by: string | null }[] = await em.query(
        `SELECT f.key, v.definition, v.published_by FROM flow_versions v JOIN flows f ON f.id = v.flow_id
          WHERE v.flow_id = $1 AND v.version = $2`,
        [flowId, version],
      );
      if (!rows[0]) throw notFound(`No version ${version} of flow ${flowId}`);
      base = {
        id: flowId,
        key: rows[0].key,
        version,
        definition: { ...rows[0].definition, version },
        form: mainFormOf(rows[0].definition),
        publishedBy: rows[0].published_by,
      };
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(cacheKey, base);
    }
    // The form's current published fields (a form may gain fields after the flow was published).
    const fields = base.form ? (await this.catalog.published(em, tenantId, base.form)).queryable : [];
    return { ...base, fields };
  }

  /** Published, enabled flows with one of these trigger types on this form. */
  async triggeredBy(em: EntityManager, tenantId: string, form: string, types: TriggerType[]): Promise<LoadedFlow[]> {
    const rows: { id: string; published_version: number }[] = await em.query(
      `SELECT id, published_version FROM flows
        WHERE trigger_form = $1 AND trigger_type = ANY($2::text[]) AND published_version IS NOT NULL AND enabled
        ORDER BY key`,
      [form, types],
    );
    const flows: LoadedFlow[] = [];
    for (const row of rows) flows.push(await this.version(em, tenantId, row.id, row.published_version));
    return flows;
  }
}

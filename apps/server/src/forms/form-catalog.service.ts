import { Injectable } from '@nestjs/common';
import type { FormDefinition, QueryableField } from '@tessera/schema';
import { compile, type CompiledForm } from '@tessera/form-engine';
import type { EntityManager } from 'typeorm';
import { notFound, ProblemException } from '../common/problem/problem.exception';
import { tenantSchemaName } from './tenant-schema';

/** A published form version, compiled once and shared by every request that uses that version. */
export interface PublishedForm {
  id: string;
  key: string;
  version: number;
  definition: FormDefinition;
  compiled: CompiledForm;
  queryable: QueryableField[];
  schema: string;
  table: string;
  publicToken: string | null;
}

const MAX_CACHED = 2000;
/**
 * Which version of a form is current is re-read at most this often per process: publishing in this process
 * forgets it at once; another replica sees a new version within this window (records written meanwhile are
 * still valid: a publish only adds columns).
 */
const CURRENT_VERSION_TTL_MS = 2_000;

interface CurrentRow {
  id: string;
  published_version: number | null;
  public_token: string | null;
}

@Injectable()
export class FormCatalog {
  private readonly cache = new Map<string, PublishedForm>();
  private readonly current = new Map<string, { at: number; row: CurrentRow }>();

  /** Forget which version is current (after a publish or a public-link change). */
  forget(tenantId: string, formKey: string): void {
    this.current.delete(`${tenantId}:${formKey}`);
  }

  /** The current published version of a form, inside the caller's tenant transaction. 404 / 409 when absent. */
  async published(em: EntityManager, tenantId: string, formKey: string): Promise<PublishedForm> {
    const currentKey = `${tenantId}:${formKey}`;
    const known = this.current.get(currentKey);
    let row: CurrentRow | undefined;
    if (known && Date.now() - known.at < CURRENT_VERSION_TTL_MS) {
      row = known.row;
    } else {
      const rows: CurrentRow[] = await em.query(
        `SELECT id, published_version, public_token FROM forms WHERE key = $1`,
        [formKey],
      );
      row = rows[0];
      if (row?.published_version !== null && row !== undefined) {
        if (this.current.size >= MAX_CACHED) this.current.clear();
        this.current.set(currentKey, { at: Date.now(), row });
      }
    }
    if (!row) throw notFound(`No form ${formKey}`);
    if (row.published_version === null) {
      throw new ProblemException(409, `The form ${formKey} has not been published yet`, [
        { path: '/formKey', code: 'not_published', message: 'Publish the form first' },
      ]);
    }
    return this.version(em, tenantId, row.id, formKey, row.published_version, row.public_token);
  }

  async version(
    em: EntityManager,
    tenantId: string,
    formId: string,
    formKey: string,
    version: number,
    publicToken: string | null = null,
  ): Promise<PublishedForm> {
    const cacheKey = `${formId}@${version}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached.publicToken === publicToken ? cached : { ...cached, publicToken };
    const [{ definition }]: { definition: FormDefinition }[] = await em.query(
      `SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2`,
      [formId, version],
    );
    const compiled = compile(definition, { version: `${formId}:${version}` });
    const published: PublishedForm = {
      id: formId,
      key: formKey,
      version,
      definition,
      compiled,
      queryable: compiled.queryableFields(),
      schema: tenantSchemaName(tenantId),
      table: formKey,
      publicToken,
    };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(cacheKey, published);
    return published;
  }
}

import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Static } from '@sinclair/typebox';
import { columnPlan, compile, FormMetadataError, renderDdl } from '@tessera/form-engine';
import { quoteIdent } from '@tessera/query';
import { validateFormDefinition, type FormDefinition, type MetadataIssue } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import { assertAdmin } from '../apps/apps.service';
import type { AuthPrincipal } from '../auth/auth-principal';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/postgres-errors';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog } from './form-catalog.service';
import { formChanges } from './form-changes';
import type {
  CreateFormRequest,
  FormResponse,
  FormVersionResponse,
  PublishPreview,
  SaveDraftRequest,
} from './forms.dto';
import { tenantSchemaName } from './tenant-schema';

type Form = Static<typeof FormResponse>;
type Preview = Static<typeof PublishPreview>;

interface FormRow {
  id: string;
  app_id: string;
  key: string;
  draft: FormDefinition;
  draft_revision: number;
  published_version: number | null;
  published: FormDefinition | null;
  public_token: string | null;
}

const FORM_SELECT = `
  SELECT f.id, f.app_id, f.key, f.draft, f.draft_revision, f.published_version, f.public_token,
         (SELECT v.definition FROM form_versions v WHERE v.form_id = f.id AND v.version = f.published_version) AS published
    FROM forms f`;

function toForm(row: FormRow): Form {
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    draft: row.draft as Form['draft'],
    draftRevision: row.draft_revision,
    publishedVersion: row.published_version,
    published: row.published as Form['published'],
    publicToken: row.public_token,
  };
}

/** Formula syntax and formula cycles only show when the form is compiled: a draft that does not compile is refused. */
function compileIssues(draft: FormDefinition): MetadataIssue[] {
  try {
    compile(draft);
    return [];
  } catch (error) {
    if (error instanceof FormMetadataError) return error.issues;
    throw error;
  }
}

function issuesToErrors(issues: readonly MetadataIssue[], prefix: string) {
  return issues.map((i) => ({ path: `${prefix}${i.path}`, code: i.code, message: i.message }));
}

@Injectable()
export class FormsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly catalog: FormCatalog,
  ) {}

  async create(principal: AuthPrincipal, appId: string, input: Static<typeof CreateFormRequest>): Promise<Form> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const app = await em.query(`SELECT 1 FROM apps WHERE id = $1`, [appId]);
      if (!app.length) throw notFound(`No app ${appId}`);
      const draft = {
        key: input.key,
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        fields: input.fields ?? [],
      };
      let id: string;
      try {
        [{ id }] = await em.query(
          `INSERT INTO forms (tenant_id, app_id, key, draft, sort_index)
           VALUES ($1, $2, $3, $4, (SELECT coalesce(max(sort_index) + 1, 0) FROM forms WHERE app_id = $2)) RETURNING id`,
          [principal.tenantId, appId, input.key, JSON.stringify(draft)],
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('A form with this key exists', [
            { path: '/body/key', code: 'unique', message: 'Key already used' },
          ]);
        throw error;
      }
      await this.audit.record(em, principal, { action: 'form.create', entityType: 'form', entityId: id, after: draft });
      return this.load(em, input.key);
    });
  }

  get(principal: AuthPrincipal, key: string): Promise<Form> {
    return this.db.run(principal.tenantId, (em) => this.load(em, key));
  }

  async saveDraft(principal: AuthPrincipal, key: string, input: Static<typeof SaveDraftRequest>): Promise<Form> {
    assertAdmin(principal);
    if (input.definition.key !== key) {
      throw badRequest('The form key cannot change', [
        { path: '/body/definition/key', code: 'immutable', message: `Must stay ${key}` },
      ]);
    }
    return this.db.run(principal.tenantId, async (em) => {
      const before = await this.load(em, key);
      const result: [unknown[], number] = await em.query(
        `UPDATE forms SET draft = $3, draft_revision = draft_revision + 1, updated_at = now() WHERE key = $1 AND draft_revision = $2`,
        [key, input.revision, JSON.stringify(input.definition)],
      );
      if (result[1] === 0) {
        throw conflict(
          'Someone else saved this form meanwhile; reload it',
          [{ path: '/body/revision', code: 'stale', message: 'Stale revision' }],
          {
            current: before,
          },
        );
      }
      await this.audit.record(em, principal, {
        action: 'form.save_draft',
        entityType: 'form',
        entityId: before.id,
        before: before.draft,
        after: input.definition,
      });
      return this.load(em, key);
    });
  }

  preview(principal: AuthPrincipal, key: string): Promise<Preview> {
    return this.db.run(principal.tenantId, async (em) => {
      const form = await this.load(em, key);
      return this.plan(em, principal.tenantId, form);
    });
  }

  /** Validate, store the new version and apply its column plan to the real table: one transaction. */
  async publish(principal: AuthPrincipal, key: string, revision: number): Promise<Form & { preview: Preview }> {
    assertAdmin(principal);
    // Forgotten again after the commit: a request between the first forget and the commit may have re-read the old one.
    const published = await this.db.run(principal.tenantId, async (em) => {
      await em.query(`SELECT 1 FROM forms WHERE key = $1 FOR UPDATE`, [key]);
      const form = await this.load(em, key);
      if (form.draftRevision !== revision) {
        throw conflict('The draft changed since you opened it; review it and publish again', [
          { path: '/body/revision', code: 'stale', message: 'Stale revision' },
        ]);
      }
      const preview = await this.plan(em, principal.tenantId, form);
      if (preview.issues.length) throw badRequest('The form definition is invalid', preview.issues);
      if (preview.refused.length) {
        throw new ProblemException(
          422,
          'This change would destroy or corrupt data',
          preview.refused.map((r) => ({ path: `/draft${r.path}`, code: 'refused', message: r.message })),
        );
      }
      const schema = tenantSchemaName(principal.tenantId);
      await em.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      for (const statement of preview.ddl) await em.query(statement);
      const version = (form.publishedVersion ?? 0) + 1;
      await em.query(
        `INSERT INTO form_versions (tenant_id, form_id, version, definition, ddl, published_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [principal.tenantId, form.id, version, JSON.stringify(form.draft), preview.ddl, principal.userId],
      );
      await em.query(`UPDATE forms SET published_version = $2, updated_at = now() WHERE id = $1`, [form.id, version]);
      this.catalog.forget(principal.tenantId, key);
      await this.audit.record(em, principal, {
        action: 'form.publish',
        entityType: 'form',
        entityId: form.id,
        before: form.published,
        after: { version, changes: preview.changes },
      });
      return { ...(await this.load(em, key)), preview };
    });
    this.catalog.forget(principal.tenantId, key);
    return published;
  }

  versions(principal: AuthPrincipal, key: string): Promise<Static<typeof FormVersionResponse>[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const form = await this.load(em, key);
      const rows: {
        version: number;
        definition: FormDefinition;
        ddl: string[];
        published_at: Date;
        published_by: string | null;
      }[] = await em.query(
        `SELECT version, definition, ddl, published_at, published_by FROM form_versions WHERE form_id = $1 ORDER BY version DESC`,
        [form.id],
      );
      return rows.map((r) => ({
        version: r.version,
        definition: r.definition as Form['draft'],
        ddl: r.ddl,
        publishedAt: new Date(r.published_at).toISOString(),
        publishedBy: r.published_by,
      }));
    });
  }

  async setPublicLink(principal: AuthPrincipal, key: string, enabled: boolean): Promise<Form> {
    assertAdmin(principal);
    const updated = await this.db.run(principal.tenantId, async (em) => {
      const form = await this.load(em, key);
      if (enabled && form.publishedVersion === null) {
        throw new ProblemException(409, 'Publish the form before sharing it', [
          { path: '/formKey', code: 'not_published', message: 'Not published' },
        ]);
      }
      const token = enabled ? (form.publicToken ?? randomBytes(18).toString('base64url')) : null;
      await em.query(`UPDATE forms SET public_token = $2 WHERE id = $1`, [form.id, token]);
      this.catalog.forget(principal.tenantId, key);
      await this.audit.record(em, principal, {
        action: enabled ? 'form.public_link.enable' : 'form.public_link.disable',
        entityType: 'form',
        entityId: form.id,
      });
      return this.load(em, key);
    });
    this.catalog.forget(principal.tenantId, key);
    return updated;
  }

  private async plan(em: EntityManager, tenantId: string, form: Form): Promise<Preview> {
    const draft = form.draft as FormDefinition;
    const previous = (form.published ?? undefined) as FormDefinition | undefined;
    const issues = issuesToErrors(validateFormDefinition(draft), '/draft');
    if (!issues.length) issues.push(...issuesToErrors(compileIssues(draft), '/draft'));
    const schema = tenantSchemaName(tenantId);
    if (!issues.length) {
      // A relation needs its target's table: the target must be published (or be this form).
      const targets = draft.fields.flatMap((f) =>
        f.type === 'relation' ? [{ key: f.key, form: f.relation.form }] : [],
      );
      for (const target of targets) {
        if (target.form === form.key) continue;
        const found: { published_version: number | null }[] = await em.query(
          `SELECT published_version FROM forms WHERE key = $1`,
          [target.form],
        );
        if (!found[0]?.published_version) {
          issues.push({
            path: `/draft/fields/${draft.fields.findIndex((f) => f.key === target.key)}/relation/form`,
            code: 'unknown_form',
            message: `The form ${target.form} does not exist or is not published`,
          });
        }
      }
    }
    if (issues.length) return { fromVersion: form.publishedVersion, changes: [], ddl: [], refused: [], issues };
    const plan = columnPlan(draft, previous);
    const ddl = plan.refused.length ? [] : renderDdl(plan.steps, schema, form.key);
    return {
      fromVersion: form.publishedVersion,
      changes: formChanges(previous, draft),
      ddl,
      refused: plan.refused,
      issues,
    };
  }

  private async load(em: EntityManager, key: string): Promise<Form> {
    const rows: FormRow[] = await em.query(`${FORM_SELECT} WHERE f.key = $1`, [key]);
    if (!rows[0]) throw notFound(`No form ${key}`);
    return toForm(rows[0]);
  }
}

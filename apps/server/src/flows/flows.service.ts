import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { validateFlow } from '@tessera/flow-engine';
import { validateFlowDefinitionShape, type FlowDefinition, type JsonValue } from '@tessera/schema';
import type { Static } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import { assertAdmin } from '../apps/apps.service';
import { AuditService } from '../audit/audit.service';
import type { AuthPrincipal } from '../auth/auth-principal';
import { badRequest, conflict, notFound, unauthorized } from '../common/problem/problem.exception';
import type { ProblemError } from '../common/problem/problem-details';
import { isUniqueViolation } from '../db/postgres-errors';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog } from '../forms/form-catalog.service';
import { CronError, parseCron } from './flow-cron';
import { FlowDefinitions, mainFormOf, type FlowRow } from './flow-definitions.service';
import { FlowInstancesService, type InstanceView } from './flow-instances.service';
import { FlowTriggersListener } from './flow-triggers.listener';
import type { FlowResponse, FlowSettingsRequest, FlowVersionResponse } from './flows.dto';

type FlowView = Static<typeof FlowResponse>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function toView(row: FlowRow): FlowView {
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    name: row.draft.name,
    triggerType: row.draft.trigger?.type ?? 'manual',
    draft: row.draft as unknown as FlowView['draft'],
    draftRevision: row.draft_revision,
    publishedVersion: row.published_version,
    enabled: row.enabled,
    hasWebhookToken: row.webhook_token_hash !== null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** TypeORM answers UPDATE … RETURNING with [rows, count]. */
async function updated(em: EntityManager, sql: string, params: unknown[]): Promise<FlowRow[]> {
  const [rows] = (await em.query(sql, params)) as [FlowRow[], number];
  return rows;
}

function shapeErrors(definition: unknown): ProblemError[] {
  return validateFlowDefinitionShape(definition).map((i) => ({
    path: `/body/definition${i.path}`,
    code: i.code,
    message: i.message,
  }));
}

/** Flow metadata: drafts (validated against the meta-schema), publishing into immutable versions, settings. */
@Injectable()
export class FlowsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly definitions: FlowDefinitions,
    private readonly catalog: FormCatalog,
    private readonly triggers: FlowTriggersListener,
    private readonly instances: FlowInstancesService,
    private readonly audit: AuditService,
  ) {}

  list(principal: AuthPrincipal, appId: string): Promise<FlowView[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const apps: unknown[] = await em.query(`SELECT 1 FROM apps WHERE id = $1`, [appId]);
      if (!apps.length) throw notFound(`No app ${appId}`);
      const rows: FlowRow[] = await em.query(`SELECT * FROM flows WHERE app_id = $1 ORDER BY key`, [appId]);
      return rows.map(toView);
    });
  }

  get(principal: AuthPrincipal, key: string): Promise<FlowView> {
    return this.db.run(principal.tenantId, async (em) => toView(await this.definitions.row(em, key)));
  }

  create(principal: AuthPrincipal, appId: string, definition: unknown): Promise<FlowView> {
    assertAdmin(principal);
    const errors = shapeErrors(definition);
    if (errors.length) throw badRequest('The flow definition is invalid', errors);
    const flow = definition as FlowDefinition;
    return this.db.run(principal.tenantId, async (em) => {
      const apps: unknown[] = await em.query(`SELECT 1 FROM apps WHERE id = $1`, [appId]);
      if (!apps.length) throw notFound(`No app ${appId}`);
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(flow.key))
        throw badRequest('The flow key is invalid', [
          { path: '/body/definition/key', code: 'pattern', message: 'lower-case letters, digits and _' },
        ]);
      let rows: FlowRow[];
      try {
        rows = await em.query(
          `INSERT INTO flows (tenant_id, app_id, key, draft, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [principal.tenantId, appId, flow.key, JSON.stringify(flow), principal.userId],
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('A flow with this key exists', [
            { path: '/body/definition/key', code: 'unique', message: 'Key already used' },
          ]);
        throw error;
      }
      await this.audit.record(em, principal, {
        action: 'flow.create',
        entityType: 'flow',
        entityId: flow.key,
        after: flow,
      });
      return toView(rows[0]);
    });
  }

  updateDraft(principal: AuthPrincipal, key: string, revision: number, definition: unknown): Promise<FlowView> {
    assertAdmin(principal);
    const errors = shapeErrors(definition);
    if (errors.length) throw badRequest('The flow definition is invalid', errors);
    if ((definition as FlowDefinition).key !== key)
      throw badRequest('The key of a flow cannot change', [
        { path: '/body/definition/key', code: 'immutable', message: `must stay ${key}` },
      ]);
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.definitions.row(em, key, true);
      if (row.draft_revision !== revision)
        throw conflict('The draft was changed by someone else', [
          { path: '/body/revision', code: 'stale', message: `The draft is at revision ${row.draft_revision}` },
        ]);
      const rows = await updated(
        em,
        `UPDATE flows SET draft = $2, draft_revision = draft_revision + 1, updated_at = now() WHERE id = $1 RETURNING *`,
        [row.id, JSON.stringify(definition)],
      );
      return toView(rows[0]);
    });
  }

  /**
   * Publishing = one transaction: graph validation against the form's fields, a new immutable version, the
   * trigger index, and the trigger's timers (cron, date-field backfill). Running instances keep their version.
   */
  publish(principal: AuthPrincipal, key: string, revision: number): Promise<FlowView & { version: number }> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.definitions.row(em, key, true);
      if (row.draft_revision !== revision)
        throw conflict('The draft was changed by someone else', [
          { path: '/body/revision', code: 'stale', message: `The draft is at revision ${row.draft_revision}` },
        ]);
      const definition = row.draft;
      const errors = [...shapeErrors(definition), ...(await this.graphErrors(em, principal.tenantId, definition))];
      if (errors.length) throw badRequest('The flow cannot be published', errors);
      const [{ version }]: { version: number }[] = await em.query(
        `INSERT INTO flow_versions (tenant_id, flow_id, version, definition, published_by)
         SELECT $1::uuid, $2::uuid, coalesce(max(version), 0) + 1, $3::jsonb, $4::uuid FROM flow_versions WHERE flow_id = $2 RETURNING version`,
        [principal.tenantId, row.id, JSON.stringify(definition), principal.userId],
      );
      const trigger = definition.trigger;
      const rows = await updated(
        em,
        `UPDATE flows SET published_version = $2, trigger_type = $3, trigger_form = $4, published_by = $5,
                updated_at = now() WHERE id = $1 RETURNING *`,
        [row.id, version, trigger.type, 'form' in trigger ? (trigger.form ?? null) : null, principal.userId],
      );
      const loaded = await this.definitions.version(em, principal.tenantId, row.id, version);
      await this.triggers.backfillDateTimers(em, principal.tenantId, loaded);
      await this.triggers.scheduleCron(em, principal.tenantId, loaded, this.triggers.now());
      await this.audit.record(em, principal, {
        action: 'flow.publish',
        entityType: 'flow',
        entityId: key,
        after: { version },
      });
      return { ...toView(rows[0]), version };
    });
  }

  private async graphErrors(em: EntityManager, tenantId: string, definition: FlowDefinition): Promise<ProblemError[]> {
    const base = '/body/definition';
    const formKey = mainFormOf(definition);
    let fieldKeys: string[] | undefined;
    if (formKey) {
      try {
        fieldKeys = (await this.catalog.published(em, tenantId, formKey)).queryable.map((f) => f.key);
      } catch {
        return [{ path: `${base}/form`, code: 'unknown_form', message: `No published form ${formKey}` }];
      }
    }
    const errors: ProblemError[] = validateFlow(definition, { fieldKeys }).map((i) => ({
      path: `${base}${i.path.startsWith('/') ? i.path : `/${i.path}`}`,
      code: i.code,
      message: i.message,
    }));
    const trigger = definition.trigger;
    if (trigger.type === 'schedule') {
      try {
        parseCron(trigger.cron);
        new Intl.DateTimeFormat('en-US', { timeZone: trigger.timeZone });
      } catch (error) {
        errors.push({
          path: `${base}/trigger/${error instanceof CronError ? 'cron' : 'timeZone'}`,
          code: 'invalid',
          message: error instanceof Error ? error.message : 'invalid',
        });
      }
    }
    if (trigger.type === 'date_field' && fieldKeys && !fieldKeys.includes(trigger.field))
      errors.push({ path: `${base}/trigger/field`, code: 'unknown_field', message: `No field ${trigger.field}` });
    return errors;
  }

  versions(principal: AuthPrincipal, key: string): Promise<Static<typeof FlowVersionResponse>[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.definitions.row(em, key);
      const rows: { version: number; definition: FlowDefinition; published_at: Date; published_by: string | null }[] =
        await em.query(
          `SELECT version, definition, published_at, published_by FROM flow_versions WHERE flow_id = $1 ORDER BY version DESC`,
          [row.id],
        );
      return rows.map((r) => ({
        version: r.version,
        definition: r.definition as unknown as Record<string, never>,
        publishedAt: new Date(r.published_at).toISOString(),
        publishedBy: r.published_by,
      }));
    });
  }

  setEnabled(principal: AuthPrincipal, key: string, enabled: boolean): Promise<FlowView> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const rows = await updated(em, `UPDATE flows SET enabled = $2, updated_at = now() WHERE key = $1 RETURNING *`, [
        key,
        enabled,
      ]);
      if (!rows[0]) throw notFound(`No flow ${key}`);
      return toView(rows[0]);
    });
  }

  /** A new secret for the flow's webhook (the previous one stops working); only its hash is stored. */
  rotateWebhookToken(principal: AuthPrincipal, key: string): Promise<{ token: string; path: string }> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.definitions.row(em, key, true);
      if (row.draft.trigger.type !== 'webhook')
        throw conflict(`The flow ${key} has no webhook trigger`, [
          { path: '/key', code: 'not_webhook', message: 'Only webhook-triggered flows have a token' },
        ]);
      const token = randomBytes(24).toString('base64url');
      await em.query(`UPDATE flows SET webhook_token_hash = $2, updated_at = now() WHERE id = $1`, [
        row.id,
        hashToken(token),
      ]);
      await this.audit.record(em, principal, { action: 'flow.webhook_token', entityType: 'flow', entityId: key });
      return { token, path: `/v1/webhooks/flows/${key}/${token}` };
    });
  }

  /** An incoming webhook: the token names the tenant; a wrong token (or key) is a 401 that reveals nothing. */
  async receiveWebhook(key: string, token: string, payload: unknown): Promise<InstanceView> {
    const targets: { tenant_id: string; flow_key: string }[] = await this.db.withoutTenant((em) =>
      em.query(`SELECT tenant_id, flow_key FROM flow_webhook_target($1)`, [hashToken(token)]),
    );
    const target = targets[0];
    if (!target || target.flow_key !== key) throw unauthorized('Invalid webhook token');
    return this.db.run(target.tenant_id, async (em) => {
      const row = await this.definitions.row(em, key);
      if (!row.enabled) throw conflict(`The flow ${key} is disabled`);
      const flow = await this.definitions.published(em, target.tenant_id, key);
      if (flow.definition.trigger.type !== 'webhook') throw unauthorized('Invalid webhook token');
      const step = await this.instances.newStep(em, target.tenant_id);
      const id = await this.instances.startIn(step, flow, {
        submitterId: flow.publishedBy ?? '',
        record: {},
        recordForm: flow.form,
        vars: { payload: (payload ?? null) as JsonValue },
        trigger: 'webhook',
      });
      await this.instances.drain(step);
      return this.instances.view(em, id);
    });
  }

  getSettings(principal: AuthPrincipal): Promise<Static<typeof FlowSettingsRequest>> {
    assertAdmin(principal);
    return this.db.run(principal.tenantId, async (em) => {
      const rows: { http_allow_private: boolean; http_allowed_hosts: string[]; max_steps: number | null }[] =
        await em.query(`SELECT http_allow_private, http_allowed_hosts, max_steps FROM flow_settings`);
      return {
        httpAllowPrivate: rows[0]?.http_allow_private ?? false,
        httpAllowedHosts: rows[0]?.http_allowed_hosts ?? [],
        maxSteps: rows[0]?.max_steps ?? null,
      };
    });
  }

  async putSettings(principal: AuthPrincipal, body: Static<typeof FlowSettingsRequest>) {
    assertAdmin(principal);
    const saved = await this.db.run(principal.tenantId, async (em) => {
      await em.query(
        `INSERT INTO flow_settings (tenant_id, http_allow_private, http_allowed_hosts, max_steps) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET http_allow_private = EXCLUDED.http_allow_private,
           http_allowed_hosts = EXCLUDED.http_allowed_hosts, max_steps = EXCLUDED.max_steps, updated_at = now()`,
        [principal.tenantId, body.httpAllowPrivate, body.httpAllowedHosts, body.maxSteps],
      );
      await this.audit.record(em, principal, {
        action: 'flow.settings',
        entityType: 'flow_settings',
        entityId: principal.tenantId,
        after: body,
      });
      return body;
    });
    this.instances.forgetTenantSettings(principal.tenantId);
    return saved;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { LOCALES, type Locale } from '@tessera/schema';
import {
  CRM_APP_KEY,
  CRM_FORM_KEYS,
  crmTemplate,
  generateCrmSampleData,
  publishPlan,
  type CrmFlowContext,
  type SampleRecord,
} from '@tessera/templates';
import type { Logger } from 'pino';
import { AppsService } from '../apps/apps.service';
import type { AuthPrincipal } from '../auth/auth-principal';
import { conflict } from '../common/problem/problem.exception';
import { APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { FlowsService } from '../flows/flows.service';
import { FormsService } from '../forms/forms.service';
import { RecordsService } from '../records/records.service';
import { DashboardsService } from '../reports/dashboards.service';
import { ReportsService } from '../reports/reports.service';
import { ensureSalesDepartments, ensureSampleUsers } from './crm-team';
import { RefMap, writeLateLinks, writeSampleRecords } from './sample-records.writer';

export interface CrmInstallOptions {
  /** The language of form, report and dashboard names; the tenant's locale when absent. */
  locale?: Locale;
  sampleData: boolean;
  /** Sample size: 1 ≈ 18,000 records; tests install a fraction. */
  scale?: number;
  seed?: string;
}

export interface CrmInstallResult {
  appId: string;
  locale: Locale;
  forms: number;
  reports: number;
  dashboards: number;
  flows: number;
  users: number;
  records: Record<string, number>;
  ms: number;
}

/**
 * Installs the CRM template into a tenant through the same services the API uses: every form, record, report,
 * dashboard and flow is validated exactly as if an administrator had built it by hand. Steps are separate
 * transactions (DDL per form, batches of records); a failure part-way leaves what was done, and the 409 check
 * refuses a second install over it.
 */
@Injectable()
export class TemplateInstaller {
  constructor(
    private readonly db: TenantDatabase,
    private readonly apps: AppsService,
    private readonly forms: FormsService,
    private readonly records: RecordsService,
    private readonly reports: ReportsService,
    private readonly dashboards: DashboardsService,
    private readonly flows: FlowsService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async installCrm(tenantId: string, actor: AuthPrincipal, options: CrmInstallOptions): Promise<CrmInstallResult> {
    const started = performance.now();
    const setup = await this.db.run(tenantId, async (em) => {
      const taken: { key: string }[] = await em.query(
        `SELECT key FROM apps WHERE key = $1 UNION ALL SELECT key FROM forms WHERE key = ANY($2)`,
        [CRM_APP_KEY, [...CRM_FORM_KEYS]],
      );
      if (taken.length)
        throw conflict('The CRM is already installed', [
          { path: '/', code: 'exists', message: `Already exists: ${taken.map((t) => t.key).join(', ')}` },
        ]);
      const [tenant]: { locale: string; time_zone: string }[] = await em.query(
        `SELECT locale, time_zone FROM tenants WHERE id = $1`,
        [tenantId],
      );
      const locale = options.locale ?? (LOCALES.find((l) => l === tenant?.locale) || 'zh-CN');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: tenant?.time_zone ?? 'Asia/Shanghai' }).format(
        new Date(),
      );
      const sample = options.sampleData
        ? generateCrmSampleData({ today, scale: options.scale, seed: options.seed })
        : undefined;
      const departments = await ensureSalesDepartments(em, tenantId);
      const users = sample
        ? await ensureSampleUsers(em, tenantId, sample.users, departments)
        : new Map<string, string>();
      const director = sample?.users.find((u) => u.isDirector);
      const flowContext: CrmFlowContext = {
        salesDepartmentIds: [departments.sales_east, departments.sales_south],
        salesDirectorId: (director && users.get(director.ref)) ?? actor.userId,
      };
      return { locale, sample, users, flowContext };
    });
    const { locale, sample, users, flowContext } = setup;
    const template = crmTemplate(locale, flowContext);
    const lap = stopwatch();

    const app = await this.apps.create(actor, {
      key: template.key,
      name: template.name,
      ...(template.icon ? { icon: template.icon } : {}),
      ...(template.color ? { color: template.color } : {}),
    });
    const plan = publishPlan(template.forms);
    for (const step of plan) {
      const created = await this.forms.create(actor, app.id, { key: step.key, name: step.first.name, fields: [] });
      const saved = await this.forms.saveDraft(actor, step.key, {
        revision: created.draftRevision,
        definition: step.first,
      });
      await this.forms.publish(actor, step.key, saved.draftRevision);
    }
    for (const step of plan) {
      if (!step.complete) continue;
      const current = await this.forms.get(actor, step.key);
      const saved = await this.forms.saveDraft(actor, step.key, {
        revision: current.draftRevision,
        definition: step.complete,
      });
      await this.forms.publish(actor, step.key, saved.draftRevision);
    }
    this.logger.debug({ ms: lap() }, 'CRM forms published');

    const counts: Record<string, number> = {};
    if (sample) {
      const outboxBefore = await this.outboxHead(tenantId);
      const refs = new RefMap();
      for (const [ref, id] of users) refs.ids.set(ref, id);
      const context = { records: this.records, actor, refs };
      const samplesOf = (key: string): SampleRecord[] => (sample.records as Record<string, SampleRecord[]>)[key] ?? [];
      for (const step of plan) counts[step.key] = await writeSampleRecords(context, step, samplesOf(step.key));
      for (const step of plan) if (step.lateFields.length) await writeLateLinks(context, step, samplesOf(step.key));
      await this.settleSampleEvents(tenantId, outboxBefore);
      this.logger.debug({ ms: lap(), counts }, 'CRM sample data written');
    }

    for (const report of template.reports) await this.reports.create(actor, app.id, { definition: report });
    for (const dashboard of template.dashboards) await this.dashboards.create(actor, app.id, { definition: dashboard });

    for (const flow of template.flows) {
      const view = await this.flows.create(actor, app.id, flow);
      await this.flows.publish(actor, flow.key, view.draftRevision);
    }
    this.logger.debug({ ms: lap() }, 'CRM reports, dashboards and flows installed');

    const result: CrmInstallResult = {
      appId: app.id,
      locale,
      forms: template.forms.length,
      reports: template.reports.length,
      dashboards: template.dashboards.length,
      flows: template.flows.length,
      users: users.size,
      records: counts,
      ms: Math.round(performance.now() - started),
    };
    this.logger.info({ tenantId, ...result }, 'CRM template installed');
    return result;
  }

  private async outboxHead(tenantId: string): Promise<string> {
    const rows: { head: string | null }[] = await this.db.run(tenantId, (em) =>
      em.query(`SELECT max(id)::text AS head FROM outbox`),
    );
    return rows[0]?.head ?? '0';
  }

  /**
   * Sample records are history, not live events: their outbox rows are marked processed so no automation reacts
   * to thousands of "new" records after the install (the flows are installed afterwards anyway, and publishing a
   * date-field flow schedules the reminders of existing records itself). Audit entries stay.
   */
  private async settleSampleEvents(tenantId: string, after: string): Promise<void> {
    await this.db.run(tenantId, (em) =>
      em.query(
        `UPDATE outbox SET processed_at = now() WHERE id > $1::bigint AND processed_at IS NULL AND topic LIKE 'record.%'`,
        [after],
      ),
    );
  }
}

function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - last);
    last = now;
    return ms;
  };
}

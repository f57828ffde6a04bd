import { Injectable } from '@nestjs/common';
import {
  crossFilterCondition,
  dashboardFilterConditions,
  type ChartLocale,
  type DrillPoint,
} from '@tessera/report-engine';
import type { DashboardDefinition, DashboardFilterValue, ReportDefinition } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { assertAdmin } from '../apps/apps.service';
import { AuditService } from '../audit/audit.service';
import { badRequest, ProblemException } from '../common/problem/problem.exception';
import { problem, type ProblemDetails, type ProblemError } from '../common/problem/problem-details';
import { TenantDatabase } from '../db/tenant-database.service';
import { conditionContextFor } from '../tenancy/principal-context';
import { DefinitionStore, type StoredDefinition } from './definition.store';
import { assertDashboardDefinition } from './report-definition.validator';
import { ReportRunner, type ExtraCondition, type ReportRunResult } from './report-runner.service';
import { resolveFieldKind } from './report-sources.loader';
import { ReportsService } from './reports.service';

export type StoredDashboard = StoredDefinition<DashboardDefinition>;

export interface DashboardRunBody {
  filterValues?: Record<string, DashboardFilterValue>;
  crossFilter?: { reportKey: string; point: DrillPoint };
  locale?: ChartLocale;
}

export type DashboardItemResult =
  ({ reportKey: string } & ReportRunResult) | { reportKey: string; error: ProblemDetails };

const STORED = { path: '/definition', status: 422 } as const;

@Injectable()
export class DashboardsService {
  private readonly store = new DefinitionStore<DashboardDefinition>('dashboards', 'dashboard');

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    private readonly runner: ReportRunner,
  ) {}

  list(principal: AuthPrincipal, appId: string): Promise<StoredDashboard[]> {
    return this.db.run(principal.tenantId, (em) => this.store.list(em, appId));
  }

  get(principal: AuthPrincipal, key: string): Promise<StoredDashboard> {
    return this.db.run(principal.tenantId, (em) => this.store.get(em, key));
  }

  create(principal: AuthPrincipal, appId: string, body: { definition: object }): Promise<StoredDashboard> {
    assertAdmin(principal);
    const definition = assertDashboardDefinition(body.definition, '/body/definition');
    return this.db.run(principal.tenantId, async (em) => {
      await this.check(em, principal.tenantId, definition);
      const dashboard = await this.store.insert(em, {
        tenantId: principal.tenantId,
        appId,
        key: definition.key,
        definition,
        userId: principal.userId,
      });
      await this.audit.record(em, principal, {
        action: 'dashboard.create',
        entityType: 'dashboard',
        entityId: dashboard.id,
        after: dashboard,
      });
      return dashboard;
    });
  }

  update(
    principal: AuthPrincipal,
    key: string,
    body: { version: number; definition: object },
  ): Promise<StoredDashboard> {
    assertAdmin(principal);
    const definition = assertDashboardDefinition(body.definition, '/body/definition');
    if (definition.key !== key)
      throw badRequest('The key of a dashboard cannot change', [
        { path: '/body/definition/key', code: 'immutable', message: `Must be ${key}` },
      ]);
    return this.db.run(principal.tenantId, async (em) => {
      const before = await this.store.get(em, key);
      await this.check(em, principal.tenantId, definition);
      const after = await this.store.update(em, key, body.version, definition);
      await this.audit.record(em, principal, {
        action: 'dashboard.update',
        entityType: 'dashboard',
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(principal: AuthPrincipal, key: string): Promise<void> {
    assertAdmin(principal);
    await this.db.run(principal.tenantId, async (em) => {
      const before = await this.store.remove(em, key);
      await this.audit.record(em, principal, {
        action: 'dashboard.delete',
        entityType: 'dashboard',
        entityId: before.id,
        before,
      });
    });
  }

  /**
   * Runs every report of the dashboard with the dashboard filters (and a cross filter) mapped onto its fields.
   * The reports run in parallel, each in its own transaction and under its own statement_timeout; one failing
   * report answers its item with a problem instead of failing the whole dashboard.
   */
  async run(
    principal: AuthPrincipal,
    key: string,
    body: DashboardRunBody,
  ): Promise<{ items: DashboardItemResult[]; totalMs: number }> {
    const started = performance.now();
    const plan = await this.db.run(principal.tenantId, (em) => this.plan(em, principal, key, body));
    const locale = body.locale ?? 'zh-CN';
    const items = await Promise.all(
      plan.map(async (item): Promise<DashboardItemResult> => {
        if ('error' in item) return item;
        try {
          const result = await this.runner.run(principal, {
            definition: item.definition,
            origin: STORED,
            conditions: item.conditions,
            locale,
          });
          return { reportKey: item.reportKey, ...result };
        } catch (error) {
          if (error instanceof ProblemException) return { reportKey: item.reportKey, error: error.details };
          throw error;
        }
      }),
    );
    return { items, totalMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  /** The reports of a dashboard with the conditions each one gets (dashboard filters, cross filter). */
  private async plan(
    em: EntityManager,
    principal: AuthPrincipal,
    key: string,
    body: DashboardRunBody,
  ): Promise<
    (
      | { reportKey: string; definition: ReportDefinition; conditions: ExtraCondition[] }
      | { reportKey: string; error: ProblemDetails }
    )[]
  > {
    const dashboard = (await this.store.get(em, key)).definition;
    const values = body.filterValues ?? {};
    const issues: ProblemError[] = [];
    for (const [filterKey, value] of Object.entries(values)) {
      const filter = dashboard.filters.find((f) => f.key === filterKey);
      if (!filter)
        issues.push({
          path: `/body/filterValues/${filterKey}`,
          code: 'unknown_filter',
          message: 'No such dashboard filter',
        });
      else if (filter.type !== value.type)
        issues.push({ path: `/body/filterValues/${filterKey}/type`, code: 'type', message: `Must be ${filter.type}` });
    }
    const onDashboard = new Set(dashboard.items.map((i) => i.reportKey));
    if (body.crossFilter && !onDashboard.has(body.crossFilter.reportKey))
      issues.push({
        path: '/body/crossFilter/reportKey',
        code: 'unknown_report',
        message: 'Not a report of this dashboard',
      });
    if (issues.length) throw badRequest('The dashboard filters are invalid', issues);

    const definitions = new Map<string, ReportDefinition>();
    for (const reportKey of onDashboard) {
      const report = await this.reports.store.find(em, reportKey);
      if (report) definitions.set(reportKey, report.definition);
    }
    const clicked = body.crossFilter ? definitions.get(body.crossFilter.reportKey) : undefined;
    const { timeZone } = await conditionContextFor(em, principal);
    const out: Awaited<ReturnType<DashboardsService['plan']>> = [];
    for (const { reportKey } of dashboard.items) {
      const definition = definitions.get(reportKey);
      if (!definition) {
        out.push({ reportKey, error: problem(404, `No report ${reportKey}`) });
        continue;
      }
      let kindOf: (field: string) => ReturnType<typeof resolveFieldKind>;
      try {
        const refs = dashboard.filters.flatMap((f) => (f.mappings[reportKey] ? [f.mappings[reportKey]] : []));
        const loaded = await this.runner.load(
          em,
          principal.tenantId,
          definition,
          refs.map((field) => ({ condition: { field, op: 'isNotEmpty' }, path: '/definition/filters' })),
          STORED,
        );
        kindOf = (field) => resolveFieldKind(loaded.sources, definition.source.form, field);
      } catch (error) {
        if (error instanceof ProblemException) {
          out.push({ reportKey, error: error.details });
          continue;
        }
        throw error;
      }
      const conditions: ExtraCondition[] = [];
      for (const filter of dashboard.filters) {
        const mapped = dashboardFilterConditions({ ...dashboard, filters: [filter] }, reportKey, values, {
          timeZone,
          kindOf,
        });
        for (const condition of mapped) conditions.push({ condition, path: `/body/filterValues/${filter.key}` });
      }
      if (body.crossFilter && clicked) {
        const cross = crossFilterCondition(dashboard, clicked, body.crossFilter.point, definition);
        if (cross) conditions.push({ condition: cross, path: '/body/crossFilter/point' });
      }
      out.push({ reportKey, definition, conditions });
    }
    return out;
  }

  /** Every item names an existing report and every filter mapping a field of that report's form. */
  private async check(em: EntityManager, tenantId: string, dashboard: DashboardDefinition): Promise<void> {
    const issues: ProblemError[] = [];
    const definitions = new Map<string, ReportDefinition>();
    for (const [i, item] of dashboard.items.entries()) {
      const report = definitions.has(item.reportKey) ? undefined : await this.reports.store.find(em, item.reportKey);
      if (report) definitions.set(item.reportKey, report.definition);
      else if (!definitions.has(item.reportKey))
        issues.push({
          path: `/body/definition/items/${i}/reportKey`,
          code: 'unknown_report',
          message: `No report ${item.reportKey}`,
        });
    }
    for (const [j, filter] of dashboard.filters.entries()) {
      for (const [reportKey, field] of Object.entries(filter.mappings)) {
        const path = `/body/definition/filters/${j}/mappings/${reportKey}`;
        const definition = definitions.get(reportKey);
        if (!definition) {
          issues.push({ path, code: 'unknown_report', message: `${reportKey} is not a report of this dashboard` });
          continue;
        }
        const loaded = await this.runner.load(
          em,
          tenantId,
          definition,
          [{ condition: { field, op: 'isNotEmpty' }, path }],
          { path: '/body/definition', status: 400 },
        );
        if (!resolveFieldKind(loaded.sources, definition.source.form, field))
          issues.push({ path, code: 'unknown_field', message: `No field ${field} in ${definition.source.form}` });
      }
    }
    if (issues.length) throw badRequest('The dashboard definition does not fit its reports', issues);
  }
}

import { Injectable } from '@nestjs/common';
import type { ChartLocale, DrillPoint } from '@tessera/report-engine';
import type { Condition, ReportDefinition } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import { assertAdmin } from '../apps/apps.service';
import { AuditService } from '../audit/audit.service';
import { badRequest, forbidden } from '../common/problem/problem.exception';
import { TenantDatabase } from '../db/tenant-database.service';
import { assertReportDefinition } from './report-definition.validator';
import type { DefinitionOrigin } from './report-problems';
import { ReportRunner, type DrillDownResult, type ExtraCondition, type ReportRunResult } from './report-runner.service';
import { DefinitionStore, type StoredDefinition } from './definition.store';

export type StoredReport = StoredDefinition<ReportDefinition>;

/** A definition sent in the body: wrong is 400 naming /body/definition/… */
const BODY: DefinitionOrigin = { path: '/body/definition', status: 400 };
/** A stored definition that no longer fits its forms (a field was removed): 422 naming /definition/… */
const STORED: DefinitionOrigin = { path: '/definition', status: 422 };

function bodyConditions(conditions: readonly object[] | undefined): ExtraCondition[] {
  return (conditions ?? []).map((condition, i) => ({
    condition: condition as Condition,
    path: `/body/dashboardFilters/${i}`,
  }));
}

@Injectable()
export class ReportsService {
  readonly store = new DefinitionStore<ReportDefinition>('reports', 'report');

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly runner: ReportRunner,
  ) {}

  list(principal: AuthPrincipal, appId: string): Promise<StoredReport[]> {
    return this.db.run(principal.tenantId, (em) => this.store.list(em, appId));
  }

  get(principal: AuthPrincipal, key: string): Promise<StoredReport> {
    return this.db.run(principal.tenantId, (em) => this.store.get(em, key));
  }

  create(principal: AuthPrincipal, appId: string, body: { definition: object }): Promise<StoredReport> {
    assertAdmin(principal);
    const definition = assertReportDefinition(body.definition, BODY.path);
    return this.db.run(principal.tenantId, async (em) => {
      await this.runner.check(em, principal.tenantId, definition, BODY);
      const report = await this.store.insert(em, {
        tenantId: principal.tenantId,
        appId,
        key: definition.key,
        definition,
        userId: principal.userId,
      });
      await this.audit.record(em, principal, {
        action: 'report.create',
        entityType: 'report',
        entityId: report.id,
        after: report,
      });
      return report;
    });
  }

  update(principal: AuthPrincipal, key: string, body: { version: number; definition: object }): Promise<StoredReport> {
    assertAdmin(principal);
    const definition = assertReportDefinition(body.definition, BODY.path);
    if (definition.key !== key)
      throw badRequest('The key of a report cannot change', [
        { path: '/body/definition/key', code: 'immutable', message: `Must be ${key}` },
      ]);
    return this.db.run(principal.tenantId, async (em) => {
      const before = await this.store.get(em, key);
      await this.runner.check(em, principal.tenantId, definition, BODY);
      const after = await this.store.update(em, key, body.version, definition);
      await this.audit.record(em, principal, {
        action: 'report.update',
        entityType: 'report',
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
        action: 'report.delete',
        entityType: 'report',
        entityId: before.id,
        before,
      });
    });
  }

  async run(
    principal: AuthPrincipal,
    key: string,
    body: { dashboardFilters?: object[]; locale?: ChartLocale },
  ): Promise<ReportRunResult> {
    const report = await this.get(principal, key);
    return this.runner.run(principal, {
      definition: report.definition,
      origin: STORED,
      conditions: bodyConditions(body.dashboardFilters),
      locale: body.locale ?? 'zh-CN',
    });
  }

  /** An unsaved definition (the designer's live preview): checked like a saved one, run with the user's scope. */
  preview(
    principal: AuthPrincipal,
    body: { definition: object; dashboardFilters?: object[]; locale?: ChartLocale },
  ): Promise<ReportRunResult> {
    const definition = assertReportDefinition(body.definition, BODY.path);
    return this.runner.run(principal, {
      definition,
      origin: BODY,
      conditions: bodyConditions(body.dashboardFilters),
      locale: body.locale ?? 'zh-CN',
    });
  }

  async drillDown(
    principal: AuthPrincipal,
    key: string,
    body: { point: DrillPoint; dashboardFilters?: object[]; limit: number; offset: number },
  ): Promise<DrillDownResult> {
    const report = await this.get(principal, key);
    return this.runner.drillDown(principal, {
      definition: report.definition,
      origin: STORED,
      conditions: bodyConditions(body.dashboardFilters),
      point: body.point,
      limit: body.limit,
      offset: body.offset,
    });
  }

  /** The rows to export; the `export` permission on the source form is required. */
  async exportRows(
    principal: AuthPrincipal,
    key: string,
  ): Promise<{ report: StoredReport; rows: Record<string, unknown>[] }> {
    const report = await this.get(principal, key);
    const { rows, access } = await this.runner.rowsFor(principal, {
      definition: report.definition,
      origin: STORED,
      conditions: [],
    });
    if (!access.actions.has('export'))
      throw forbidden(`You may not export the records of ${report.definition.source.form}`);
    return { report, rows };
  }
}

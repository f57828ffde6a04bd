import { Inject, Injectable } from '@nestjs/common';
import { validateCondition, type ConditionContext, type SqlStatement } from '@tessera/query';
import {
  compileDrillDownIds,
  compileReport,
  drillDownCondition,
  ReportDefinitionError,
  toChartOption,
  type ChartLocale,
  type ChartOption,
  type DrillPoint,
} from '@tessera/report-engine';
import { conditionFields, type Condition, type ReportDefinition } from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { badRequest, ProblemException } from '../common/problem/problem.exception';
import type { ProblemError } from '../common/problem/problem-details';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog } from '../forms/form-catalog.service';
import { RecordAccessPolicy } from '../records/record-access.policy';
import { conditionContextFor } from '../tenancy/principal-context';
import { reportAccessFor, type ReportAccess } from './report-access';
import { conditionShapeIssues } from './report-definition.validator';
import { timeoutProblem, toReportProblem, type DefinitionOrigin } from './report-problems';
import { ReportResultCache } from './report-result.cache';
import { REPORT_SETTINGS, type ReportSettings } from './report-settings';
import { conditionFieldsFor, loadReportSources, type LoadedSources } from './report-sources.loader';

/** A condition from the request (a dashboard filter, a cross filter) and the JSON pointer naming it. */
export interface ExtraCondition {
  condition: Condition;
  path: string;
}

export interface ReportRunRequest {
  definition: ReportDefinition;
  origin: DefinitionOrigin;
  conditions: readonly ExtraCondition[];
  locale: ChartLocale;
}

export interface ReportRunResult {
  rows: Record<string, unknown>[];
  chartOption: ChartOption;
  /** Time spent in the report query (of the original run when served from the cache). */
  sqlMs: number;
  cached: boolean;
}

export interface DrillDownRequest {
  definition: ReportDefinition;
  origin: DefinitionOrigin;
  conditions: readonly ExtraCondition[];
  point: DrillPoint;
  limit: number;
  offset: number;
}

export interface DrillDownResult {
  condition: Condition;
  total: number;
  recordIds: string[];
}

interface PreparedReport {
  definition: ReportDefinition;
  loaded: LoadedSources;
  access: ReportAccess;
  ctx: ConditionContext;
  conditions: Condition[];
}

/** Literal topics (not parameters), so the planner matches the partial index outbox_record_form. */
const RECORD_TOPICS_SQL = `topic IN ('record.created', 'record.updated', 'record.deleted')`;
/** Window of outbox ids re-counted by the change marker (see changeMarker). */
const MARKER_WINDOW = 10_000;

/**
 * Runs reports: loads the forms, applies the user's access (scope + readable fields inside the SQL), compiles
 * with the report engine and executes the ONE statement under statement_timeout, with an optional result cache.
 */
@Injectable()
export class ReportRunner {
  private readonly cache: ReportResultCache;

  constructor(
    private readonly db: TenantDatabase,
    private readonly catalog: FormCatalog,
    private readonly policy: RecordAccessPolicy,
    @Inject(REPORT_SETTINGS) readonly settings: ReportSettings,
  ) {
    this.cache = new ReportResultCache(settings.cacheMaxEntries, settings.cacheTtlMs);
  }

  run(principal: AuthPrincipal, request: ReportRunRequest): Promise<ReportRunResult> {
    return this.db.run(principal.tenantId, async (em) => {
      const prepared = await this.prepare(em, principal, request.definition, request.origin, request.conditions);
      const stmt = this.compile(prepared, request.origin);
      const { rows, sqlMs, cached } = await this.execute(em, prepared, stmt);
      return { rows, chartOption: toChartOption(request.definition, rows, request.locale), sqlMs, cached };
    });
  }

  /** The rows only (export), with the user's access to the source form. */
  rowsFor(
    principal: AuthPrincipal,
    request: Omit<ReportRunRequest, 'locale'>,
  ): Promise<{ rows: Record<string, unknown>[]; access: ReportAccess }> {
    return this.db.run(principal.tenantId, async (em) => {
      const prepared = await this.prepare(em, principal, request.definition, request.origin, request.conditions);
      const stmt = this.compile(prepared, request.origin);
      const { rows } = await this.execute(em, prepared, stmt);
      return { rows, access: prepared.access };
    });
  }

  drillDown(principal: AuthPrincipal, request: DrillDownRequest): Promise<DrillDownResult> {
    return this.db.run(principal.tenantId, async (em) => {
      const prepared = await this.prepare(em, principal, request.definition, request.origin, request.conditions);
      const { definition, loaded, access, ctx, conditions } = prepared;
      let drill: Condition;
      try {
        drill = drillDownCondition(definition, request.point, { ctx, sources: loaded.sources });
      } catch (error) {
        if (error instanceof ReportDefinitionError)
          throw badRequest(`The drill point does not fit the report: ${error.message}`, [
            { path: '/body/point/dimensionValues', code: 'invalid_point', message: error.message },
          ]);
        throw error;
      }
      // the point's values become condition values: a text where a number is expected is the caller's mistake
      this.assertConditions(loaded, definition, [{ condition: drill, path: '/body/point' }], 400);
      // the total is the count of a one-measure report over the same records: same scope, filters and joins
      const counting: ReportDefinition = {
        key: definition.key,
        name: definition.name,
        source: definition.source,
        filters: drill,
        dimensions: [],
        measures: [{ aggregate: 'count', as: 'n' }],
        chart: { type: 'indicator' },
      };
      let ids: SqlStatement;
      let count: SqlStatement;
      try {
        ids = compileDrillDownIds(definition, loaded.sources, access.scope, conditions, drill, ctx, {
          limit: request.limit,
          offset: request.offset,
        });
        count = compileReport(counting, loaded.sources, access.scope, conditions, ctx);
      } catch (error) {
        throw toReportProblem(error, request.origin);
      }
      await this.setTimeout(em);
      try {
        const idRows: { id: string }[] = await em.query(ids.text, ids.values);
        const countRows: { n: number }[] = await em.query(count.text, count.values);
        return {
          condition: conditions.length ? { and: [drill, ...conditions] } : drill,
          total: Number(countRows[0]?.n ?? 0),
          recordIds: idRows.map((r) => r.id),
        };
      } catch (error) {
        throw timeoutProblem(error, this.settings.timeoutMs);
      }
    });
  }

  /**
   * Checks a definition against the tenant's forms before it is stored: every form and field must exist and
   * fit (the compiler is the judge). Permissions are not checked: they apply to whoever runs the report.
   */
  async check(em: EntityManager, tenantId: string, definition: ReportDefinition, origin: DefinitionOrigin) {
    const loaded = await this.load(em, tenantId, definition, [], origin);
    this.assertConditions(loaded, definition, [], origin.status, origin.path);
    const ctx = await conditionContextFor(em, null);
    try {
      compileReport(definition, loaded.sources, {}, [], ctx);
    } catch (error) {
      throw toReportProblem(error, origin);
    }
    return loaded;
  }

  /** Loaded sources for a stored report (dashboard filter mappings are resolved against them). */
  load(
    em: EntityManager,
    tenantId: string,
    definition: ReportDefinition,
    conditions: readonly ExtraCondition[],
    origin: DefinitionOrigin,
  ): Promise<LoadedSources> {
    const extraRefs = conditions.flatMap(({ condition, path }) =>
      conditionFields(condition).map((ref) => ({ ref, path })),
    );
    return loadReportSources(em, this.catalog, tenantId, definition, extraRefs).catch((error: unknown) => {
      throw toReportProblem(error, origin);
    });
  }

  private async prepare(
    em: EntityManager,
    principal: AuthPrincipal,
    definition: ReportDefinition,
    origin: DefinitionOrigin,
    extra: readonly ExtraCondition[],
  ): Promise<PreparedReport> {
    const shape = extra.flatMap(({ condition, path }) => conditionShapeIssues(condition, path));
    if (shape.length) throw badRequest('A filter condition is invalid', shape);
    const loaded = await this.load(em, principal.tenantId, definition, extra, origin);
    const access = await reportAccessFor(this.policy, principal, definition, loaded);
    this.assertConditions(loaded, definition, extra, 400, origin.path, origin.status);
    const ctx = await conditionContextFor(em, principal);
    return { definition, loaded, access, ctx, conditions: extra.map((c) => c.condition) };
  }

  /** Every condition validated against the source form's fields, so a problem names its own path. */
  private assertConditions(
    loaded: LoadedSources,
    definition: ReportDefinition,
    extra: readonly ExtraCondition[],
    extraStatus: 400 | 422,
    definitionPath?: string,
    definitionStatus: 400 | 422 = 400,
  ): void {
    const issuesOf = (condition: Condition, path: string): ProblemError[] =>
      validateCondition(condition, conditionFieldsFor(loaded.sources, definition.source.form, condition)).map((i) => ({
        path: `${path}${i.path}`,
        code: i.code,
        message: i.message,
      }));
    if (definitionPath !== undefined && definition.filters) {
      const issues = issuesOf(definition.filters, `${definitionPath}/filters`);
      if (issues.length) throw new ProblemException(definitionStatus, 'The report filters are invalid', issues);
    }
    const issues = extra.flatMap(({ condition, path }) => issuesOf(condition, path));
    if (issues.length) throw new ProblemException(extraStatus, 'A filter condition is invalid', issues);
  }

  private compile(prepared: PreparedReport, origin: DefinitionOrigin): SqlStatement {
    const { definition, loaded, access, conditions, ctx } = prepared;
    try {
      return compileReport(definition, loaded.sources, access.scope, conditions, ctx);
    } catch (error) {
      throw toReportProblem(error, origin);
    }
  }

  private async setTimeout(em: EntityManager): Promise<void> {
    // SET LOCAL: the limit ends with the report's transaction and never leaks into the pooled connection
    await em.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.settings.timeoutMs)]);
  }

  private async execute(
    em: EntityManager,
    prepared: PreparedReport,
    stmt: SqlStatement,
  ): Promise<{ rows: Record<string, unknown>[]; sqlMs: number; cached: boolean }> {
    let key: string | undefined;
    if (this.settings.cacheEnabled) {
      // the marker is read BEFORE the query: a write committed in between makes the result fresher, never staler
      const marker = await this.changeMarker(em, [...prepared.loaded.forms.keys()]);
      const versions = [...prepared.loaded.forms.values()].map((f) => `${f.key}@${f.version}`);
      key = JSON.stringify([stmt.text, stmt.values, versions, marker]);
      const hit = this.cache.get(key);
      if (hit) return { rows: hit.rows, sqlMs: hit.sqlMs, cached: true };
    }
    await this.setTimeout(em);
    const started = performance.now();
    let rows: Record<string, unknown>[];
    try {
      rows = await em.query(stmt.text, stmt.values);
    } catch (error) {
      throw timeoutProblem(error, this.settings.timeoutMs);
    }
    const sqlMs = Math.round((performance.now() - started) * 100) / 100;
    if (key !== undefined) this.cache.set(key, { rows, sqlMs });
    return { rows, sqlMs, cached: false };
  }

  /**
   * What changed in the source forms' records: the record service writes an outbox row (topic record.*,
   * payload.form) in the same transaction as every change. The newest id alone misses a transaction that took
   * a lower id but committed later, so the number of rows in the newest id window is part of the marker too;
   * the cache TTL bounds anything beyond that window.
   */
  private async changeMarker(em: EntityManager, formKeys: string[]): Promise<string> {
    const rows: { top: string | null; recent: number }[] = await em.query(
      `WITH m AS (SELECT max(id) AS top FROM outbox WHERE ${RECORD_TOPICS_SQL} AND payload->>'form' = ANY($1))
       SELECT (SELECT top FROM m)::text AS top,
              (SELECT count(*) FROM outbox
                WHERE ${RECORD_TOPICS_SQL} AND payload->>'form' = ANY($1) AND id > (SELECT top FROM m) - $2)::int AS recent`,
      [formKeys, MARKER_WINDOW],
    );
    return `${rows[0]?.top ?? '0'}:${rows[0]?.recent ?? 0}`;
  }

  clearCache(): void {
    this.cache.clear();
  }
}

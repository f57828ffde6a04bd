import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Locale } from '@tessera/schema';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { badRequest } from '../../common/problem/problem.exception';
import { ViewsService } from '../../views/views.service';
import type { SortKey } from '../record-list-query';
import { RecordsService, type FormScope } from '../records.service';
import { safeSheetName } from '../import/import-template';
import { exportColumns, isExportable, type ExportColumn } from './export-cells';
import { csvSink, xlsxSink, type ExportSink } from './export-sinks';

export interface ExportOptions {
  format: 'csv' | 'xlsx';
  locale: Locale;
  viewId?: string;
  /** AND-ed with the view's filter. */
  filter?: unknown;
  search?: string;
  /** Overrides the view's sort. */
  sort?: SortKey[];
  /** Overrides the view's columns. */
  fields?: string[];
}

/** Records per page: the export keeps at most one page in memory, paging by keyset cursor. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Export of a view (or any filter/sort/columns) as CSV or XLSX, streamed into the response inside ONE tenant
 * transaction, page by page through RecordsService.listIn — the same scope, field permissions and filters as
 * the record list. The first page is read before anything is written, so a bad request is still a problem+json.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly records: RecordsService,
    private readonly views: ViewsService,
  ) {}

  export(
    principal: AuthPrincipal,
    formKey: string,
    options: ExportOptions,
    begin: (fileName: string) => Writable,
  ): Promise<void> {
    return this.records.run(principal, formKey, 'export', async (scope) => {
      const view = options.viewId ? await this.views.visibleIn(scope, principal, options.viewId) : null;
      const keys = options.fields ?? view?.config.columns ?? this.defaultKeys(scope);
      const unknown = keys.filter((key) => !scope.form.compiled.field(key));
      if (unknown.length)
        throw badRequest(
          'Unknown fields',
          unknown.map((key) => ({ path: '/query/fields', code: 'unknown_field', message: `No field ${key}` })),
        );
      const columns = exportColumns(scope.form, keys, options.locale).filter(
        (c) => !scope.access.readable || scope.access.readable.has(c.field.key),
      );
      const request = this.views.listRequest(
        scope,
        view,
        { filter: options.filter, search: options.search, sort: options.sort, limit: EXPORT_PAGE_SIZE },
        '/query',
      );
      // the sort columns must be read too: the keyset cursor is made of them
      const sortKeys = request.sort.map((s) => s.field).filter((key) => scope.form.compiled.field(key));
      request.fields = [...new Set([...columns.map((c) => c.field.key), ...sortKeys])];
      let page = await this.records.listIn(scope, request, false);
      const out = begin(`${formKey}.${options.format}`);
      const sink = this.sink(options, out, formKey, columns, scope.ctx.timeZone);
      for (;;) {
        await sink.write(page.items);
        if (!page.nextCursor) break;
        page = await this.records.listIn(scope, { ...request, after: page.nextCursor, offset: undefined }, false);
      }
      await sink.finish();
    });
  }

  /** Without a view or fields: every readable field that has a cell. */
  private defaultKeys(scope: FormScope): string[] {
    return scope.form.definition.fields
      .filter((f) => isExportable(f) && (!scope.access.readable || scope.access.readable.has(f.key)))
      .map((f) => f.key);
  }

  private sink(
    options: ExportOptions,
    out: Writable,
    formKey: string,
    columns: ExportColumn[],
    timeZone: string,
  ): ExportSink {
    return options.format === 'csv'
      ? csvSink(out, columns, options.locale, timeZone)
      : xlsxSink(out, safeSheetName(formKey), columns, options.locale, timeZone);
  }
}

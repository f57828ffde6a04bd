import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Response } from 'express';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { badRequest } from '../../common/problem/problem.exception';
import { ValidQuery } from '../../common/validation/schema-validation.pipe';
import { KeyParamPipe } from '../../common/validation/uuid-param.pipe';
import { CSV_TYPE, XLSX_TYPE } from '../import/import.dto';
import type { SortKey } from '../record-list-query';
import { ExportQuery } from './export.dto';
import { ExportService } from './export.service';

function parseSort(text: string | undefined): SortKey[] | undefined {
  if (!text) return undefined;
  return text
    .split(',')
    .filter(Boolean)
    .map((part) =>
      part.startsWith('-') ? { field: part.slice(1), direction: 'desc' } : { field: part, direction: 'asc' },
    );
}

function parseFilter(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The filter is not valid JSON', [
      { path: '/query/filter', code: 'invalid_json', message: 'Malformed JSON' },
    ]);
  }
}

@ApiTags('records')
@ApiBearerAuth()
@Controller('v1/forms/:formKey/export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  @ApiOperation({
    operationId: 'exportRecords',
    summary:
      'Export a view (or a filter/sort/fields) as CSV or XLSX, streamed page by page; values and headers in the locale',
  })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  async export(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', new KeyParamPipe('formKey')) formKey: string,
    @ValidQuery(ExportQuery) query: Static<typeof ExportQuery>,
    @Res() response: Response,
  ): Promise<void> {
    const format = query.format ?? 'csv';
    try {
      await this.exports.export(
        principal,
        formKey,
        {
          format,
          locale: query.locale ?? 'zh-CN',
          viewId: query.view,
          filter: parseFilter(query.filter),
          search: query.q,
          sort: parseSort(query.sort),
          fields: query.fields ? query.fields.split(',').filter(Boolean) : undefined,
        },
        (fileName) => {
          response.status(200);
          response.setHeader('content-type', format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE);
          response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
          return response;
        },
      );
      if (!response.writableEnded) response.end();
    } catch (error) {
      // once the file has started, a problem body cannot follow: cut the download so it is visibly incomplete
      if (response.headersSent) response.destroy(error instanceof Error ? error : undefined);
      else throw error;
    }
  }
}

import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { badRequest, ProblemException } from '../../common/problem/problem.exception';
import { ApiJsonResponse, ValidQuery } from '../../common/validation/schema-validation.pipe';
import { KeyParamPipe } from '../../common/validation/uuid-param.pipe';
import type { ImportFormat } from './import-row-source';
import { templateCsv, templateHeaders, writeTemplateXlsx } from './import-template';
import { CSV_TYPE, ImportQuery, ImportResultResponse, TemplateQuery, XLSX_TYPE } from './import.dto';
import { ImportService } from './import.service';

const FORM_KEY = new KeyParamPipe('formKey');

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('The mapping is not valid JSON', [
      { path: '/query/mapping', code: 'invalid_json', message: 'Malformed JSON' },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badRequest('The mapping must be an object', [
      { path: '/query/mapping', code: 'invalid_type', message: 'Expected {"column header": "field key"}' },
    ]);
  // field keys are checked against the form (unknown_field naming the header) by the service
  return parsed as Record<string, string>;
}

/** The upload's format: the query's, else the content type's; anything else is a 415 before a byte is read. */
function formatOf(request: Request, format: ImportFormat | undefined): ImportFormat {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.startsWith('multipart/') || type === 'application/x-www-form-urlencoded')
    throw new ProblemException(415, 'Send the file itself as the request body (text/csv or XLSX)', [
      { path: '/headers/content-type', code: 'unsupported_media_type', message: `${type} is not accepted here` },
    ]);
  if (format) return format;
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === CSV_TYPE || type === 'application/csv' || type === 'text/plain') return 'csv';
  throw new ProblemException(415, 'Say format=csv or format=xlsx, or send a CSV or XLSX content type', [
    { path: '/query/format', code: 'required', message: 'The file format is unknown' },
  ]);
}

@ApiTags('records')
@ApiBearerAuth()
@Controller('v1/forms/:formKey/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'importRecords',
    summary:
      'Import a CSV or XLSX file sent as the raw request body (streamed, batches of 1,000), options in the query: ' +
      'mode, mapping, upsertField, locale. Returns a row-by-row report; all_or_nothing with invalid rows is a 400 ' +
      'whose `report` extension holds the same report',
  })
  @ApiConsumes(CSV_TYPE, XLSX_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiJsonResponse(200, ImportResultResponse)
  import(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidQuery(ImportQuery) query: Static<typeof ImportQuery>,
    @Req() request: Request,
  ) {
    const format = formatOf(request, query.format);
    return this.imports.import(
      principal,
      formKey,
      {
        format,
        mode: query.mode,
        upsertField: query.upsertField,
        mapping: parseMapping(query.mapping),
        locale: query.locale ?? 'zh-CN',
      },
      request,
    );
  }

  @Get('template.csv')
  @ApiOperation({ operationId: 'importTemplateCsv', summary: 'An empty CSV whose headers are the importable fields' })
  @ApiProduces(CSV_TYPE)
  async templateCsv(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidQuery(TemplateQuery) query: Static<typeof TemplateQuery>,
    @Res() response: Response,
  ): Promise<void> {
    const fields = await this.imports.templateFields(principal, formKey);
    response.status(200);
    response.setHeader('content-type', `${CSV_TYPE}; charset=utf-8`);
    response.setHeader('content-disposition', `attachment; filename="${formKey}-template.csv"`);
    response.send(templateCsv(templateHeaders(fields, query.locale ?? 'zh-CN')));
  }

  @Get('template.xlsx')
  @ApiOperation({ operationId: 'importTemplateXlsx', summary: 'An empty XLSX whose headers are the importable fields' })
  @ApiProduces(XLSX_TYPE)
  async templateXlsx(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidQuery(TemplateQuery) query: Static<typeof TemplateQuery>,
    @Res() response: Response,
  ): Promise<void> {
    const fields = await this.imports.templateFields(principal, formKey);
    response.status(200);
    response.setHeader('content-type', XLSX_TYPE);
    response.setHeader('content-disposition', `attachment; filename="${formKey}-template.xlsx"`);
    await writeTemplateXlsx(response, formKey, templateHeaders(fields, query.locale ?? 'zh-CN'));
    response.end();
  }
}

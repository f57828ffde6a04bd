import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { Condition } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { badRequest } from '../common/problem/problem.exception';
import { ApiJsonBody, ApiJsonResponse, ValidBody, ValidQuery } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import type { RecordListRequest, SortKey } from './record-list-query';
import {
  BulkRecordsRequest,
  BulkRecordsResponse,
  CreateRecordRequest,
  RecordHistoryEntry,
  RecordListQuery,
  RecordPageResponse,
  RecordQueryRequest,
  RecordResponse,
  UpdateRecordRequest,
  UpsertRecordRequest,
  UpsertRecordResponse,
} from './records.dto';
import { RecordsService } from './records.service';

const FORM_KEY = new KeyParamPipe('formKey');
const RECORD_ID = new UuidParamPipe('recordId');
const DEFAULT_LIMIT = 50;

function parseSort(text: string | undefined): SortKey[] {
  if (!text) return [];
  return text
    .split(',')
    .filter(Boolean)
    .map((part) =>
      part.startsWith('-')
        ? { field: part.slice(1), direction: 'desc' as const }
        : { field: part, direction: 'asc' as const },
    );
}

function parseFilter(text: string | undefined): Condition | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as Condition;
  } catch {
    throw badRequest('The filter is not valid JSON', [
      { path: '/query/filter', code: 'invalid_json', message: 'Malformed JSON' },
    ]);
  }
}

@ApiTags('records')
@ApiBearerAuth()
@Controller('v1/forms/:formKey/records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listRecords',
    summary: 'List records: filter (condition JSON), q, sort=-a,b, limit/offset or after (keyset), fields',
  })
  @ApiJsonResponse(200, RecordPageResponse)
  list(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidQuery(RecordListQuery) query: Static<typeof RecordListQuery>,
  ) {
    const request: RecordListRequest = {
      filter: parseFilter(query.filter),
      search: query.q,
      sort: parseSort(query.sort),
      limit: query.limit ? Math.min(500, Math.max(1, Number(query.limit))) : DEFAULT_LIMIT,
      offset: query.offset ? Number(query.offset) : undefined,
      after: query.after,
      fields: query.fields ? query.fields.split(',').filter(Boolean) : undefined,
      deleted: query.deleted,
    };
    return this.records.list(principal, formKey, request, query.total !== 'false');
  }

  @Post('query')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'queryRecords',
    summary: 'List records with the query in the body (large filters, saved views)',
  })
  @ApiJsonBody(RecordQueryRequest)
  @ApiJsonResponse(200, RecordPageResponse)
  query(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidBody(RecordQueryRequest) body: Static<typeof RecordQueryRequest>,
  ) {
    const request: RecordListRequest = {
      filter: body.filter as Condition | undefined,
      search: body.search,
      sort: body.sort ?? [],
      limit: body.limit ?? DEFAULT_LIMIT,
      offset: body.offset,
      after: body.after,
      fields: body.fields,
      deleted: body.deleted,
    };
    return this.records.list(principal, formKey, request, body.total !== false);
  }

  @Post()
  @ApiOperation({
    operationId: 'createRecord',
    summary: 'Create a record: validated like the form, formulas and auto-numbers computed, audited',
  })
  @ApiJsonBody(CreateRecordRequest)
  @ApiJsonResponse(201, RecordResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidBody(CreateRecordRequest) body: Static<typeof CreateRecordRequest>,
  ) {
    return this.records.create(principal, formKey, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'bulkRecords',
    summary: 'Create, update and delete up to 5,000 records each, in one transaction',
  })
  @ApiJsonBody(BulkRecordsRequest)
  @ApiJsonResponse(200, BulkRecordsResponse)
  bulk(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidBody(BulkRecordsRequest) body: Static<typeof BulkRecordsRequest>,
  ) {
    return this.records.bulk(principal, formKey, body);
  }

  @Put('upsert')
  @ApiOperation({
    operationId: 'upsertRecord',
    summary: 'Create or update the record whose unique field matches (sync by external id)',
  })
  @ApiJsonBody(UpsertRecordRequest)
  @ApiJsonResponse(200, UpsertRecordResponse)
  upsert(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidBody(UpsertRecordRequest) body: Static<typeof UpsertRecordRequest>,
  ) {
    return this.records.upsert(principal, formKey, body.matchField, body.values);
  }

  @Get(':recordId')
  @ApiOperation({ operationId: 'getRecord', summary: 'One record with its sub-table rows' })
  @ApiJsonResponse(200, RecordResponse)
  get(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('recordId', RECORD_ID) id: string,
  ) {
    return this.records.get(principal, formKey, id);
  }

  @Patch(':recordId')
  @ApiOperation({
    operationId: 'updateRecord',
    summary: 'Change some values, with the version read (409 + current record when stale)',
  })
  @ApiJsonBody(UpdateRecordRequest)
  @ApiJsonResponse(200, RecordResponse)
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('recordId', RECORD_ID) id: string,
    @ValidBody(UpdateRecordRequest) body: Static<typeof UpdateRecordRequest>,
  ) {
    return this.records.update(principal, formKey, id, body);
  }

  @Delete(':recordId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRecord', summary: 'Move a record to the trash (soft delete)' })
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('recordId', RECORD_ID) id: string,
  ): Promise<void> {
    await this.records.remove(principal, formKey, id);
  }

  @Post(':recordId/restore')
  @HttpCode(200)
  @ApiOperation({ operationId: 'restoreRecord', summary: 'Restore a record from the trash' })
  @ApiJsonResponse(200, RecordResponse)
  restore(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('recordId', RECORD_ID) id: string,
  ) {
    return this.records.restore(principal, formKey, id);
  }

  @Get(':recordId/history')
  @ApiOperation({
    operationId: 'recordHistory',
    summary: 'Timeline of a record: every change with who, when, before and after',
  })
  @ApiJsonResponse(200, Type.Array(RecordHistoryEntry))
  history(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('recordId', RECORD_ID) id: string,
  ) {
    return this.records.history(principal, formKey, id);
  }
}

import { Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { Response } from 'express';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { writeReportXlsx } from './report-xlsx.writer';
import {
  CreateReportRequest,
  DrillDownRequest,
  DrillDownResponse,
  PreviewReportRequest,
  ReportResponse,
  ReportRunResponse,
  RunReportRequest,
  UpdateReportRequest,
} from './reports.dto';
import { ReportsService } from './reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('apps/:appId/reports')
  @ApiOperation({ operationId: 'listReports', summary: 'The reports of an app' })
  @ApiJsonResponse(200, Type.Array(ReportResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal, @Param('appId', new UuidParamPipe('appId')) appId: string) {
    return this.reports.list(principal, appId);
  }

  @Post('apps/:appId/reports')
  @ApiOperation({ operationId: 'createReport', summary: 'Create a report in an app (administrators)' })
  @ApiJsonBody(CreateReportRequest)
  @ApiJsonResponse(201, ReportResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) appId: string,
    @ValidBody(CreateReportRequest) body: Static<typeof CreateReportRequest>,
  ) {
    return this.reports.create(principal, appId, body);
  }

  // declared before reports/:key so "preview" is not taken for a key
  @Post('reports/preview')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'previewReport',
    summary: 'Run an unsaved report definition (the live preview of the designer)',
  })
  @ApiJsonBody(PreviewReportRequest)
  @ApiJsonResponse(200, ReportRunResponse)
  preview(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(PreviewReportRequest) body: Static<typeof PreviewReportRequest>,
  ) {
    return this.reports.preview(principal, body);
  }

  @Get('reports/:key')
  @ApiOperation({ operationId: 'getReport', summary: 'One report' })
  @ApiJsonResponse(200, ReportResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('key', new KeyParamPipe('key')) key: string) {
    return this.reports.get(principal, key);
  }

  @Put('reports/:key')
  @ApiOperation({
    operationId: 'updateReport',
    summary: 'Replace a report definition (with the version read; 409 when stale)',
  })
  @ApiJsonBody(UpdateReportRequest)
  @ApiJsonResponse(200, ReportResponse)
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(UpdateReportRequest) body: Static<typeof UpdateReportRequest>,
  ) {
    return this.reports.update(principal, key, body);
  }

  @Delete('reports/:key')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteReport', summary: 'Delete a report' })
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
  ): Promise<void> {
    await this.reports.remove(principal, key);
  }

  @Post('reports/:key/run')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runReport',
    summary: "Run a report with dashboard filters under the user's data scope: rows and the ECharts option",
  })
  @ApiJsonBody(RunReportRequest)
  @ApiJsonResponse(200, ReportRunResponse)
  run(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(RunReportRequest) body: Static<typeof RunReportRequest>,
  ) {
    return this.reports.run(principal, key, body);
  }

  @Post('reports/:key/drill-down')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'drillDownReport',
    summary: 'The records behind one chart element: the condition (to open as a record list), total and ids',
  })
  @ApiJsonBody(DrillDownRequest)
  @ApiJsonResponse(200, DrillDownResponse)
  drillDown(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(DrillDownRequest) body: Static<typeof DrillDownRequest>,
  ) {
    return this.reports.drillDown(principal, key, body);
  }

  @Get('reports/:key/export.xlsx')
  @ApiOperation({ operationId: 'exportReport', summary: "Export a report's data as an XLSX workbook" })
  @ApiProduces(XLSX)
  async export(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @Res() response: Response,
  ): Promise<void> {
    // run first: errors are still answered as problem+json because nothing has been written yet
    const { report, rows } = await this.reports.exportRows(principal, key);
    response.status(200);
    response.setHeader('content-type', XLSX);
    response.setHeader('content-disposition', `attachment; filename="${report.key}.xlsx"`);
    await writeReportXlsx(response, report.definition, rows);
    response.end();
  }
}

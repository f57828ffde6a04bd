import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { DashboardsService } from './dashboards.service';
import {
  CreateDashboardRequest,
  DashboardResponse,
  DashboardRunResponse,
  RunDashboardRequest,
  UpdateDashboardRequest,
} from './reports.dto';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('v1')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('apps/:appId/dashboards')
  @ApiOperation({ operationId: 'listDashboards', summary: 'The dashboards of an app' })
  @ApiJsonResponse(200, Type.Array(DashboardResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal, @Param('appId', new UuidParamPipe('appId')) appId: string) {
    return this.dashboards.list(principal, appId);
  }

  @Post('apps/:appId/dashboards')
  @ApiOperation({ operationId: 'createDashboard', summary: 'Create a dashboard in an app (administrators)' })
  @ApiJsonBody(CreateDashboardRequest)
  @ApiJsonResponse(201, DashboardResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) appId: string,
    @ValidBody(CreateDashboardRequest) body: Static<typeof CreateDashboardRequest>,
  ) {
    return this.dashboards.create(principal, appId, body);
  }

  @Get('dashboards/:key')
  @ApiOperation({ operationId: 'getDashboard', summary: 'One dashboard' })
  @ApiJsonResponse(200, DashboardResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('key', new KeyParamPipe('key')) key: string) {
    return this.dashboards.get(principal, key);
  }

  @Put('dashboards/:key')
  @ApiOperation({
    operationId: 'updateDashboard',
    summary: 'Replace a dashboard definition (with the version read; 409 when stale)',
  })
  @ApiJsonBody(UpdateDashboardRequest)
  @ApiJsonResponse(200, DashboardResponse)
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(UpdateDashboardRequest) body: Static<typeof UpdateDashboardRequest>,
  ) {
    return this.dashboards.update(principal, key, body);
  }

  @Delete('dashboards/:key')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteDashboard', summary: 'Delete a dashboard' })
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
  ): Promise<void> {
    await this.dashboards.remove(principal, key);
  }

  @Post('dashboards/:key/run')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runDashboard',
    summary: 'Run every report of a dashboard with the filter values (and a cross filter): per item rows and chart',
  })
  @ApiJsonBody(RunDashboardRequest)
  @ApiJsonResponse(200, DashboardRunResponse)
  run(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(RunDashboardRequest) body: Static<typeof RunDashboardRequest>,
  ) {
    return this.dashboards.run(principal, key, body);
  }
}

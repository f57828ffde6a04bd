import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { RecordPageResponse } from '../records/records.dto';
import type { ViewConfig } from './view-config.validation';
import { CreateViewRequest, RunViewRequest, UpdateViewRequest, ViewResponse } from './views.dto';
import { ViewsService } from './views.service';

const FORM_KEY = new KeyParamPipe('formKey');
const VIEW_ID = new UuidParamPipe('viewId');
const DEFAULT_LIMIT = 50;

@ApiTags('views')
@ApiBearerAuth()
@Controller('v1/forms/:formKey/views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @ApiOperation({ operationId: 'listViews', summary: "The caller's personal views and the shared views of a form" })
  @ApiJsonResponse(200, Type.Array(ViewResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal, @Param('formKey', FORM_KEY) formKey: string) {
    return this.views.list(principal, formKey);
  }

  @Post()
  @ApiOperation({
    operationId: 'createView',
    summary: 'Save a view (filter, sort, columns, kanban groupBy); shared views by admins only; sorts get an index',
  })
  @ApiJsonBody(CreateViewRequest)
  @ApiJsonResponse(201, ViewResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @ValidBody(CreateViewRequest) body: Static<typeof CreateViewRequest>,
  ) {
    return this.views.create(principal, formKey, { ...body, config: body.config as ViewConfig });
  }

  @Get(':viewId')
  @ApiOperation({ operationId: 'getView', summary: 'One saved view' })
  @ApiJsonResponse(200, ViewResponse)
  get(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('viewId', VIEW_ID) viewId: string,
  ) {
    return this.views.get(principal, formKey, viewId);
  }

  @Patch(':viewId')
  @ApiOperation({ operationId: 'updateView', summary: 'Change a view, with the version read (409 when stale)' })
  @ApiJsonBody(UpdateViewRequest)
  @ApiJsonResponse(200, ViewResponse)
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('viewId', VIEW_ID) viewId: string,
    @ValidBody(UpdateViewRequest) body: Static<typeof UpdateViewRequest>,
  ) {
    return this.views.update(principal, formKey, viewId, { ...body, config: body.config as ViewConfig | undefined });
  }

  @Delete(':viewId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteView', summary: 'Delete a view (its owner, or an admin for shared views)' })
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('viewId', VIEW_ID) viewId: string,
  ): Promise<void> {
    await this.views.remove(principal, formKey, viewId);
  }

  @Post(':viewId/records')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runView',
    summary: 'The records of a view: its filter AND an optional extra filter, its sort and columns, keyset pages',
  })
  @ApiJsonBody(RunViewRequest)
  @ApiJsonResponse(200, RecordPageResponse)
  run(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) formKey: string,
    @Param('viewId', VIEW_ID) viewId: string,
    @ValidBody(RunViewRequest) body: Static<typeof RunViewRequest>,
  ) {
    return this.views.run(principal, formKey, viewId, { ...body, limit: body.limit ?? DEFAULT_LIMIT });
  }
}

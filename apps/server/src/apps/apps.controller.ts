import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { AppResponse, CreateAppRequest, UpdateAppRequest } from './apps.dto';
import { AppsService } from './apps.service';

@ApiTags('apps')
@ApiBearerAuth()
@Controller('v1/apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @Get()
  @ApiOperation({ operationId: 'listApps', summary: 'Apps of my tenant with their forms (the sidebar)' })
  @ApiJsonResponse(200, Type.Array(AppResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.apps.list(principal);
  }

  @Post()
  @ApiOperation({ operationId: 'createApp', summary: 'Create an app (administrators)' })
  @ApiJsonBody(CreateAppRequest)
  @ApiJsonResponse(201, AppResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(CreateAppRequest) body: Static<typeof CreateAppRequest>,
  ) {
    return this.apps.create(principal, body);
  }

  @Get(':appId')
  @ApiOperation({ operationId: 'getApp', summary: 'One app with its forms' })
  @ApiJsonResponse(200, AppResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('appId', new UuidParamPipe('appId')) id: string) {
    return this.apps.get(principal, id);
  }

  @Patch(':appId')
  @ApiOperation({
    operationId: 'updateApp',
    summary: 'Rename, restyle or reorder an app (with the version read; 409 when stale)',
  })
  @ApiJsonBody(UpdateAppRequest)
  @ApiJsonResponse(200, AppResponse)
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) id: string,
    @ValidBody(UpdateAppRequest) body: Static<typeof UpdateAppRequest>,
  ) {
    return this.apps.update(principal, id, body);
  }

  @Delete(':appId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteApp', summary: 'Delete an empty app' })
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) id: string,
  ): Promise<void> {
    await this.apps.remove(principal, id);
  }
}

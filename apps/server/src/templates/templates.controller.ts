import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { assertAdmin } from '../apps/apps.service';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { TemplateInstaller } from './template-installer.service';
import { InstallCrmRequest, InstallCrmResponse } from './templates.dto';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('v1/templates')
export class TemplatesController {
  constructor(private readonly installer: TemplateInstaller) {}

  @Post('crm/install')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'installCrmTemplate',
    summary:
      'Install the CRM template (forms, reports, dashboards, flows; optionally sample data) — administrators; 409 when installed',
  })
  @ApiJsonBody(InstallCrmRequest)
  @ApiJsonResponse(201, InstallCrmResponse)
  install(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(InstallCrmRequest) body: Static<typeof InstallCrmRequest>,
  ) {
    assertAdmin(principal);
    return this.installer.installCrm(principal.tenantId, principal, {
      sampleData: body.sampleData ?? false,
      ...(body.locale ? { locale: body.locale } : {}),
    });
  }
}

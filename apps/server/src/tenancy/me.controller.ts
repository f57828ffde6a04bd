import { Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { unauthorized } from '../common/problem/problem.exception';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { MeResponse, UpdateMeRequest } from './tenancy.dto';
import { TenancyService } from './tenancy.service';

@ApiTags('tenancy')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly tenancy: TenancyService) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user and their tenant' })
  @ApiJsonResponse(200, MeResponse)
  async get(@CurrentPrincipal() principal: AuthPrincipal) {
    const me = await this.tenancy.me(principal.tenantId, principal.userId);
    if (!me) throw unauthorized('The account no longer exists or is disabled');
    return me;
  }

  @Patch()
  @ApiOperation({ operationId: 'updateMe', summary: 'Change my language or display name' })
  @ApiJsonBody(UpdateMeRequest)
  @ApiJsonResponse(200, MeResponse)
  async update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(UpdateMeRequest) body: Static<typeof UpdateMeRequest>,
  ) {
    const me = await this.tenancy.updateMe(principal, body);
    if (!me) throw unauthorized('The account no longer exists or is disabled');
    return me;
  }
}

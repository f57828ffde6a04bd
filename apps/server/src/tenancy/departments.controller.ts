import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { CreateDepartmentRequest, DepartmentResponse } from './tenancy.dto';
import { TenancyService } from './tenancy.service';

@ApiTags('tenancy')
@ApiBearerAuth()
@Controller('v1/departments')
export class DepartmentsController {
  constructor(private readonly tenancy: TenancyService) {}

  @Get()
  @ApiOperation({ operationId: 'listDepartments', summary: 'The department tree, depth-first' })
  @ApiJsonResponse(200, Type.Array(DepartmentResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.tenancy.listDepartments(principal);
  }

  @Post()
  @ApiOperation({ operationId: 'createDepartment', summary: 'Create a department (administrators)' })
  @ApiJsonBody(CreateDepartmentRequest)
  @ApiJsonResponse(201, DepartmentResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(CreateDepartmentRequest) body: Static<typeof CreateDepartmentRequest>,
  ) {
    return this.tenancy.createDepartment(principal, body);
  }
}

import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { CreateUserRequest, UserResponse } from './tenancy.dto';
import { TenancyService } from './tenancy.service';

@ApiTags('tenancy')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly tenancy: TenancyService) {}

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'Users of my tenant' })
  @ApiJsonResponse(200, Type.Array(UserResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.tenancy.listUsers(principal);
  }

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user (administrators)' })
  @ApiJsonBody(CreateUserRequest)
  @ApiJsonResponse(201, UserResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(CreateUserRequest) body: Static<typeof CreateUserRequest>,
  ) {
    return this.tenancy.createUser(principal, body);
  }
}

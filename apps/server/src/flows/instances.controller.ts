import { Controller, Get, HttpCode, Param, Post, PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { badRequest } from '../common/problem/problem.exception';
import { ApiJsonBody, ApiJsonResponse, ValidBody, ValidQuery } from '../common/validation/schema-validation.pipe';
import { FlowInstancesService } from './flow-instances.service';
import {
  CancelInstanceRequest,
  CommentRequest,
  InstanceHistoryResponse,
  InstanceListQuery,
  InstanceResponse,
} from './flows.dto';

const FLOW_ID = /^[0-9a-f-]{36}(:[a-z]+[0-9]+)*$/i;

/** Instance and task ids: a UUID, optionally followed by engine-derived parts (`<uuid>:sub5`, `<uuid>:task7`). */
export class FlowIdParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!FLOW_ID.test(value) || value.length > 300)
      throw badRequest(`${this.name} is not a flow id`, [
        { path: `/${this.name}`, code: 'format', message: 'Not a flow id' },
      ]);
    return value.toLowerCase();
  }
}

@ApiTags('flows')
@ApiBearerAuth()
@Controller('v1/instances')
export class InstancesController {
  constructor(private readonly instances: FlowInstancesService) {}

  @Get()
  @ApiOperation({
    operationId: 'listFlowInstances',
    summary: 'Flow instances (administrators: all, including failed ones; others: those they started)',
  })
  @ApiJsonResponse(200, Type.Array(InstanceResponse))
  list(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidQuery(InstanceListQuery) query: Static<typeof InstanceListQuery>,
  ) {
    return this.instances.list(principal, {
      flow: query.flow,
      status: query.status,
      limit: Math.min(Number(query.limit ?? 50) || 50, 200),
    });
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getFlowInstance', summary: 'One flow instance with its tasks' })
  @ApiJsonResponse(200, InstanceResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', new FlowIdParamPipe('id')) id: string) {
    return this.instances.get(principal, id);
  }

  @Get(':id/history')
  @ApiOperation({
    operationId: 'getFlowInstanceHistory',
    summary: 'Every step: who, what, when, comment and field changes',
  })
  @ApiJsonResponse(200, InstanceHistoryResponse)
  history(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', new FlowIdParamPipe('id')) id: string) {
    return this.instances.history(principal, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelFlowInstance', summary: 'Cancel a running instance (administrators)' })
  @ApiJsonBody(CancelInstanceRequest)
  @ApiJsonResponse(200, InstanceResponse)
  cancel(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new FlowIdParamPipe('id')) id: string,
    @ValidBody(CancelInstanceRequest) body: Static<typeof CancelInstanceRequest>,
  ) {
    return this.instances.cancel(principal, id, body.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ operationId: 'withdrawFlowInstance', summary: 'Withdraw my own running request (撤回)' })
  @ApiJsonBody(CommentRequest)
  @ApiJsonResponse(200, InstanceResponse)
  withdraw(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new FlowIdParamPipe('id')) id: string,
    @ValidBody(CommentRequest) body: Static<typeof CommentRequest>,
  ) {
    return this.instances.withdraw(principal, id, body.comment);
  }

  @Post(':id/urge')
  @HttpCode(200)
  @ApiOperation({ operationId: 'urgeFlowInstance', summary: 'Remind the open assignees (催办)' })
  @ApiJsonBody(CommentRequest)
  @ApiJsonResponse(200, InstanceResponse)
  urge(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new FlowIdParamPipe('id')) id: string,
    @ValidBody(CommentRequest) body: Static<typeof CommentRequest>,
  ) {
    return this.instances.urge(principal, id, body.comment);
  }
}

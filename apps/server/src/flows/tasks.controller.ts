import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody, ValidQuery } from '../common/validation/schema-validation.pipe';
import { FlowInstancesService } from './flow-instances.service';
import { InstanceResponse, TaskActionRequest, TaskCountsResponse, TaskListQuery, TaskListResponse } from './flows.dto';
import { FlowIdParamPipe } from './instances.controller';
import { TasksService } from './tasks.service';

@ApiTags('flows')
@ApiBearerAuth()
@Controller('v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly instances: FlowInstancesService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listMyTasks',
    summary: 'My inbox: box=todo (待办), done (已办), cc (抄送我) or started (我发起的: instances)',
  })
  @ApiJsonResponse(200, TaskListResponse)
  list(@CurrentPrincipal() principal: AuthPrincipal, @ValidQuery(TaskListQuery) query: Static<typeof TaskListQuery>) {
    return this.tasks.list(
      principal,
      query.box ?? 'todo',
      Math.min(Number(query.limit ?? 50) || 50, 200),
      Number(query.offset ?? 0),
    );
  }

  @Get('counts')
  @ApiOperation({ operationId: 'countMyTasks', summary: 'How many items are in each of my inbox boxes' })
  @ApiJsonResponse(200, TaskCountsResponse)
  counts(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.tasks.counts(principal);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'actOnTask',
    summary:
      'Approve, reject, submit, comment, return to an earlier node, transfer or add signers (403 not yours, 409 closed or stale)',
  })
  @ApiJsonBody(TaskActionRequest)
  @ApiJsonResponse(200, InstanceResponse)
  act(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new FlowIdParamPipe('id')) id: string,
    @ValidBody(TaskActionRequest) body: Static<typeof TaskActionRequest>,
  ) {
    return this.instances.act(principal, id, body);
  }
}

import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { badRequest } from '../common/problem/problem.exception';
import { ApiJsonResponse } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe } from '../common/validation/uuid-param.pipe';
import { WebhookAcceptedResponse } from './flows.dto';
import { FlowsService } from './flows.service';

@ApiTags('flows')
@Controller('v1/webhooks/flows')
export class WebhooksController {
  constructor(private readonly flows: FlowsService) {}

  @Public()
  @Post(':key/:token')
  @ApiOperation({
    operationId: 'triggerFlowWebhook',
    summary: 'Start a webhook-triggered flow; the JSON body becomes vars.payload (401 on a wrong token)',
  })
  @ApiJsonResponse(201, WebhookAcceptedResponse)
  async receive(
    @Param('key', new KeyParamPipe('key')) key: string,
    @Param('token') token: string,
    @Body() body: unknown,
  ) {
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(token))
      throw badRequest('The token is malformed', [{ path: '/token', code: 'format', message: 'Not a webhook token' }]);
    const instance = await this.flows.receiveWebhook(key, token, body);
    return { instanceId: instance.id, status: instance.status };
  }
}

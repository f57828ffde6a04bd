import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { FlowInstancesService } from './flow-instances.service';
import {
  CreateFlowRequest,
  FlowResponse,
  FlowSettingsRequest,
  FlowVersionResponse,
  InstanceResponse,
  PublishFlowRequest,
  SetFlowEnabledRequest,
  StartFlowRequest,
  UpdateFlowDraftRequest,
  WebhookTokenResponse,
} from './flows.dto';
import { FlowsService } from './flows.service';

@ApiTags('flows')
@ApiBearerAuth()
@Controller('v1')
export class FlowsController {
  constructor(
    private readonly flows: FlowsService,
    private readonly instances: FlowInstancesService,
  ) {}

  @Get('apps/:appId/flows')
  @ApiOperation({ operationId: 'listFlows', summary: 'Flows (approvals and automations) of an app' })
  @ApiJsonResponse(200, Type.Array(FlowResponse))
  list(@CurrentPrincipal() principal: AuthPrincipal, @Param('appId', new UuidParamPipe('appId')) appId: string) {
    return this.flows.list(principal, appId);
  }

  @Post('apps/:appId/flows')
  @ApiOperation({ operationId: 'createFlow', summary: 'Create a flow draft (administrators)' })
  @ApiJsonBody(CreateFlowRequest)
  @ApiJsonResponse(201, FlowResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) appId: string,
    @ValidBody(CreateFlowRequest) body: Static<typeof CreateFlowRequest>,
  ) {
    return this.flows.create(principal, appId, body.definition);
  }

  @Get('flows/:key')
  @ApiOperation({ operationId: 'getFlow', summary: 'A flow with its draft and published version number' })
  @ApiJsonResponse(200, FlowResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('key', new KeyParamPipe('key')) key: string) {
    return this.flows.get(principal, key);
  }

  @Put('flows/:key/draft')
  @ApiOperation({ operationId: 'updateFlowDraft', summary: 'Save the draft (with the revision read; 409 when stale)' })
  @ApiJsonBody(UpdateFlowDraftRequest)
  @ApiJsonResponse(200, FlowResponse)
  updateDraft(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(UpdateFlowDraftRequest) body: Static<typeof UpdateFlowDraftRequest>,
  ) {
    return this.flows.updateDraft(principal, key, body.revision, body.definition);
  }

  @Post('flows/:key/publish')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'publishFlow',
    summary: 'Validate the draft and publish it as a new version; running instances keep theirs',
  })
  @ApiJsonBody(PublishFlowRequest)
  @ApiJsonResponse(200, FlowResponse)
  publish(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(PublishFlowRequest) body: Static<typeof PublishFlowRequest>,
  ) {
    return this.flows.publish(principal, key, body.revision);
  }

  @Get('flows/:key/versions')
  @ApiOperation({ operationId: 'listFlowVersions', summary: 'Published versions of a flow, newest first' })
  @ApiJsonResponse(200, Type.Array(FlowVersionResponse))
  versions(@CurrentPrincipal() principal: AuthPrincipal, @Param('key', new KeyParamPipe('key')) key: string) {
    return this.flows.versions(principal, key);
  }

  @Put('flows/:key/enabled')
  @ApiOperation({ operationId: 'setFlowEnabled', summary: 'Switch a flow on or off (its triggers stop firing)' })
  @ApiJsonBody(SetFlowEnabledRequest)
  @ApiJsonResponse(200, FlowResponse)
  setEnabled(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(SetFlowEnabledRequest) body: Static<typeof SetFlowEnabledRequest>,
  ) {
    return this.flows.setEnabled(principal, key, body.enabled);
  }

  @Post('flows/:key/webhook-token')
  @ApiOperation({ operationId: 'rotateFlowWebhookToken', summary: 'Issue a new webhook secret (shown once)' })
  @ApiJsonResponse(201, WebhookTokenResponse)
  rotateToken(@CurrentPrincipal() principal: AuthPrincipal, @Param('key', new KeyParamPipe('key')) key: string) {
    return this.flows.rotateWebhookToken(principal, key);
  }

  @Post('flows/:key/start')
  @ApiOperation({ operationId: 'startFlow', summary: 'Start a manual flow (on a record I can read)' })
  @ApiJsonBody(StartFlowRequest)
  @ApiJsonResponse(201, InstanceResponse)
  start(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('key', new KeyParamPipe('key')) key: string,
    @ValidBody(StartFlowRequest) body: Static<typeof StartFlowRequest>,
  ) {
    return this.instances.startManual(principal, key, body);
  }

  @Get('flow-settings')
  @ApiOperation({ operationId: 'getFlowSettings', summary: 'Tenant flow settings (administrators)' })
  @ApiJsonResponse(200, FlowSettingsRequest)
  getSettings(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.flows.getSettings(principal);
  }

  @Put('flow-settings')
  @ApiOperation({
    operationId: 'updateFlowSettings',
    summary: 'HTTP node policy (private addresses) and the step limit (administrators)',
  })
  @ApiJsonBody(FlowSettingsRequest)
  @ApiJsonResponse(200, FlowSettingsRequest)
  putSettings(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidBody(FlowSettingsRequest) body: Static<typeof FlowSettingsRequest>,
  ) {
    return this.flows.putSettings(principal, body);
  }
}

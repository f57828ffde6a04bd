import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { KeyParamPipe, UuidParamPipe } from '../common/validation/uuid-param.pipe';
import {
  CreateFormRequest,
  FormResponse,
  FormVersionResponse,
  PublicLinkRequest,
  PublishPreview,
  PublishRequest,
  SaveDraftRequest,
} from './forms.dto';
import { FormsService } from './forms.service';

const FORM_KEY = new KeyParamPipe('formKey');

@ApiTags('forms')
@ApiBearerAuth()
@Controller('v1')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Post('apps/:appId/forms')
  @ApiOperation({ operationId: 'createForm', summary: 'Create a form (its draft) in an app' })
  @ApiJsonBody(CreateFormRequest)
  @ApiJsonResponse(201, FormResponse)
  create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('appId', new UuidParamPipe('appId')) appId: string,
    @ValidBody(CreateFormRequest) body: Static<typeof CreateFormRequest>,
  ) {
    return this.forms.create(principal, appId, body);
  }

  @Get('forms/:formKey')
  @ApiOperation({ operationId: 'getForm', summary: 'A form: its draft and its published version' })
  @ApiJsonResponse(200, FormResponse)
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('formKey', FORM_KEY) key: string) {
    return this.forms.get(principal, key);
  }

  @Put('forms/:formKey/draft')
  @ApiOperation({
    operationId: 'saveFormDraft',
    summary: 'Save the draft (with the revision it was read at; 409 when stale)',
  })
  @ApiJsonBody(SaveDraftRequest)
  @ApiJsonResponse(200, FormResponse)
  saveDraft(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) key: string,
    @ValidBody(SaveDraftRequest) body: Static<typeof SaveDraftRequest>,
  ) {
    return this.forms.saveDraft(principal, key, body);
  }

  @Get('forms/:formKey/publish-preview')
  @ApiOperation({
    operationId: 'previewFormPublish',
    summary: 'What publishing the draft would change: fields, DDL, refused changes, issues',
  })
  @ApiJsonResponse(200, PublishPreview)
  preview(@CurrentPrincipal() principal: AuthPrincipal, @Param('formKey', FORM_KEY) key: string) {
    return this.forms.preview(principal, key);
  }

  @Post('forms/:formKey/publish')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'publishForm',
    summary: 'Publish the draft: new version + column plan applied in one transaction',
  })
  @ApiJsonBody(PublishRequest)
  @ApiJsonResponse(200, Type.Intersect([FormResponse, Type.Object({ preview: PublishPreview })]))
  publish(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) key: string,
    @ValidBody(PublishRequest) body: Static<typeof PublishRequest>,
  ) {
    return this.forms.publish(principal, key, body.revision);
  }

  @Get('forms/:formKey/versions')
  @ApiOperation({ operationId: 'listFormVersions', summary: 'Published versions, newest first' })
  @ApiJsonResponse(200, Type.Array(FormVersionResponse))
  versions(@CurrentPrincipal() principal: AuthPrincipal, @Param('formKey', FORM_KEY) key: string) {
    return this.forms.versions(principal, key);
  }

  @Put('forms/:formKey/public-link')
  @ApiOperation({
    operationId: 'setFormPublicLink',
    summary: 'Enable or disable the public (no sign-in) link of a published form',
  })
  @ApiJsonBody(PublicLinkRequest)
  @ApiJsonResponse(200, FormResponse)
  setPublicLink(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('formKey', FORM_KEY) key: string,
    @ValidBody(PublicLinkRequest) body: Static<typeof PublicLinkRequest>,
  ) {
    return this.forms.setPublicLink(principal, key, body.enabled);
  }
}

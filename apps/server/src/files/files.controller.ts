import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonResponse, ValidQuery } from '../common/validation/schema-validation.pipe';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { contentDisposition, isInlineType } from './content-disposition';
import { StoredFileResponse, UploadFileQuery } from './files.dto';
import { FilesService, type StoredFile } from './files.service';

function declaredLength(request: Request): number | undefined {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

@ApiTags('files')
@ApiBearerAuth()
@Controller('v1/files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'uploadFile',
    summary:
      'Upload one file as the raw request body (any content type, streamed to disk; at most FILES_MAX_BYTES, ' +
      '20 MB by default: 413 beyond). The answer is the metadata an image or attachment field value keeps',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiJsonResponse(201, StoredFileResponse)
  upload(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidQuery(UploadFileQuery) query: Static<typeof UploadFileQuery>,
    @Req() request: Request,
  ): Promise<StoredFile> {
    return this.files.upload(
      principal,
      { name: query.name, contentType: request.headers['content-type'], declaredLength: declaredLength(request) },
      request,
    );
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'downloadFile',
    summary: 'The content of a file of the caller’s tenant (inline for images, else as an attachment)',
  })
  @ApiProduces('application/octet-stream')
  async download(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.open(principal, id);
    const inline = isInlineType(file.contentType);
    response.status(200);
    response.setHeader('content-type', file.contentType);
    response.setHeader('content-length', String(file.size));
    response.setHeader('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name));
    response.setHeader('etag', `"${file.sha256}"`);
    // Content never changes under an id; private because it is tenant data fetched with a bearer token.
    response.setHeader('cache-control', 'private, max-age=86400');
    // Uploaded content is untrusted: no sniffing, and an opened SVG/HTML runs no script on this origin.
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    try {
      await pipeline(file.stream, response);
    } catch {
      // The client went away mid-download: nothing to answer any more.
      file.stream.destroy();
    }
  }
}

import { Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Public } from '../auth/public.decorator';
import { ProblemException } from '../common/problem/problem.exception';
import { RateLimiter } from '../common/rate-limit/rate-limiter.service';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { PublicFormsService } from './public-forms.service';

const TokenParam = 'token';
export const PublicSubmissionRequest = Type.Object(
  { values: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false, title: 'PublicSubmissionRequest' },
);
export const PublicFormResponse = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    tenantName: Type.String(),
    definition: Type.Object({}, { additionalProperties: true }),
  },
  { title: 'PublicForm' },
);

const SUBMISSIONS_PER_MINUTE = 10;

/** A published form opened through its public link: no sign-in, rate-limited per address. */
@ApiTags('public forms')
@Public()
@Controller('v1/public/forms/:token')
export class PublicFormsController {
  constructor(
    private readonly forms: PublicFormsService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getPublicForm', summary: 'The definition of a form shared by public link' })
  @ApiJsonResponse(200, PublicFormResponse)
  get(@Param(TokenParam) token: string) {
    return this.forms.definition(token);
  }

  @Post('submissions')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'submitPublicForm',
    summary: 'Submit a public form (validated like any record; 10 per minute per address)',
  })
  @ApiJsonBody(PublicSubmissionRequest)
  @ApiJsonResponse(201, Type.Object({ id: Type.String({ format: 'uuid' }) }))
  async submit(
    @Param(TokenParam) token: string,
    @ValidBody(PublicSubmissionRequest) body: Static<typeof PublicSubmissionRequest>,
    @Ip() ip: string,
  ) {
    const retryAfter = await this.rateLimiter.hit(
      `public-form:${token.slice(0, 64)}:${ip ?? 'unknown'}`,
      SUBMISSIONS_PER_MINUTE,
      60,
    );
    if (retryAfter)
      throw new ProblemException(429, `Too many submissions; try again in ${retryAfter} s`, [], { retryAfter });
    return this.forms.submit(token, body.values);
  }
}

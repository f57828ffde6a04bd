import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { ApiJsonBody, ApiJsonResponse, ValidBody } from '../common/validation/schema-validation.pipe';
import { LoginRequest, RefreshRequest, SessionResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Sign in with e-mail and password; wrong passwords are rate-limited (429)',
  })
  @ApiJsonBody(LoginRequest)
  @ApiJsonResponse(200, SessionResponse)
  login(@ValidBody(LoginRequest) body: Static<typeof LoginRequest>, @Ip() ip: string) {
    return this.auth.login(body, ip ?? 'unknown');
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'refresh', summary: 'Exchange a refresh token (used once) for a new session' })
  @ApiJsonBody(RefreshRequest)
  @ApiJsonResponse(200, SessionResponse)
  refresh(@ValidBody(RefreshRequest) body: Static<typeof RefreshRequest>) {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Revoke a refresh token' })
  @ApiJsonBody(RefreshRequest)
  async logout(@ValidBody(RefreshRequest) body: Static<typeof RefreshRequest>): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}

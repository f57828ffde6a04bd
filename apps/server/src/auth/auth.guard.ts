import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { unauthorized } from '../common/problem/problem.exception';
import type { AuthenticatedRequest } from './auth-principal';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('Sign in first: send Authorization: Bearer <access token>');
    const principal = await this.tokens.verifyAccessToken(match[1]);
    if (!principal) throw unauthorized('The access token is invalid or expired');
    request.principal = principal;
    return true;
  }
}

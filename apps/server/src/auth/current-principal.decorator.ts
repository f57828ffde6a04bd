import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthorized } from '../common/problem/problem.exception';
import type { AuthenticatedRequest, AuthPrincipal } from './auth-principal';

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw unauthorized('Sign in first');
  return principal;
});

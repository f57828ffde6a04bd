import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../config/app-config.provider';
import type { AppConfig } from '../config/app-config';
import type { AuthPrincipal } from './auth-principal';

const ISSUER = 'tessera';

/** Access tokens are short-lived JWTs; refresh tokens are opaque `<tenant>.<id>.<secret>`, stored hashed. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  get accessTokenSeconds(): number {
    return this.config.accessTokenSeconds;
  }

  signAccessToken(principal: AuthPrincipal): Promise<string> {
    return new SignJWT({ tid: principal.tenantId, adm: principal.isAdmin })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenSeconds}s`)
      .sign(this.key);
  }

  async verifyAccessToken(token: string): Promise<AuthPrincipal | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return null;
      return { userId: payload.sub, tenantId: payload.tid, isAdmin: payload.adm === true };
    } catch {
      return null;
    }
  }

  newRefreshSecret(): { secret: string; hash: string } {
    const secret = randomBytes(32).toString('base64url');
    return { secret, hash: hashRefreshSecret(secret) };
  }

  refreshExpiry(now = new Date()): Date {
    return new Date(now.getTime() + this.config.refreshTokenDays * 86_400_000);
  }
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseRefreshToken(token: string): { tenantId: string; tokenId: string; secret: string } | null {
  const [tenantId, tokenId, secret, ...rest] = token.split('.');
  if (rest.length || !tenantId || !tokenId || !secret || !UUID.test(tenantId) || !UUID.test(tokenId)) return null;
  return { tenantId, tokenId, secret };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Static } from '@sinclair/typebox';
import { ProblemException, badRequest, unauthorized } from '../common/problem/problem.exception';
import { TenantDatabase } from '../db/tenant-database.service';
import { TenancyService } from '../tenancy/tenancy.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { spendVerificationTime, verifyPassword } from './password-hasher';
import { hashRefreshSecret, parseRefreshToken, TokenService } from './token.service';
import type { LoginRequest, SessionResponse } from './auth.dto';
import type { AuthPrincipal } from './auth-principal';

interface LoginCandidate {
  tenant_id: string;
  tenant_slug: string;
  user_id: string;
  password_hash: string;
}

const WRONG_CREDENTIALS = 'The e-mail or the password is wrong';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDatabase,
    private readonly tokens: TokenService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly tenancy: TenancyService,
  ) {}

  async login(input: Static<typeof LoginRequest>, ip: string): Promise<Static<typeof SessionResponse>> {
    const retryAfter = await this.rateLimiter.retryAfterSeconds(input.email, ip);
    if (retryAfter > 0) {
      throw new ProblemException(
        429,
        `Too many failed attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        [],
        { retryAfter },
      );
    }
    let candidates: LoginCandidate[] = await this.dataSource.query(`SELECT * FROM login_candidates($1)`, [input.email]);
    if (input.tenant) candidates = candidates.filter((c) => c.tenant_slug === input.tenant);
    if (candidates.length > 1) {
      throw badRequest('This e-mail belongs to several tenants: name the tenant', [
        { path: '/body/tenant', code: 'required', message: 'Name the tenant to sign in to' },
      ]);
    }
    const candidate = candidates[0];
    const valid = candidate
      ? await verifyPassword(candidate.password_hash, input.password)
      : (await spendVerificationTime(input.password), false);
    if (!candidate || !valid) {
      await this.rateLimiter.recordFailure(input.email, ip);
      throw unauthorized(WRONG_CREDENTIALS);
    }
    await this.rateLimiter.clear(input.email);
    return this.issueSession(candidate.tenant_id, candidate.user_id);
  }

  async refresh(refreshToken: string): Promise<Static<typeof SessionResponse>> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw unauthorized('The refresh token is invalid');
    const userId = await this.db.run(parsed.tenantId, async (em) => {
      const repo = em.getRepository(RefreshTokenEntity);
      const row = await repo.findOne({ where: { id: parsed.tokenId }, lock: { mode: 'pessimistic_write' } });
      if (
        !row ||
        row.revokedAt ||
        row.expiresAt.getTime() < Date.now() ||
        row.tokenHash !== hashRefreshSecret(parsed.secret)
      )
        return null;
      // Rotation: a refresh token works once.
      await repo.update({ id: row.id }, { revokedAt: new Date() });
      return row.userId;
    });
    if (!userId) throw unauthorized('The refresh token is invalid, expired or revoked');
    return this.issueSession(parsed.tenantId, userId);
  }

  async logout(refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return;
    await this.db.run(parsed.tenantId, (em) =>
      em.query(
        `UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1 AND token_hash = $2 AND revoked_at IS NULL`,
        [parsed.tokenId, hashRefreshSecret(parsed.secret)],
      ),
    );
  }

  private async issueSession(tenantId: string, userId: string): Promise<Static<typeof SessionResponse>> {
    const me = await this.tenancy.me(tenantId, userId);
    if (!me) throw unauthorized('The account is disabled');
    const principal: AuthPrincipal = { tenantId, userId, isAdmin: me.isAdmin };
    const { secret, hash } = this.tokens.newRefreshSecret();
    const tokenId = await this.db.run(tenantId, async (em) => {
      const saved = await em
        .getRepository(RefreshTokenEntity)
        .save({ tenantId, userId, tokenHash: hash, expiresAt: this.tokens.refreshExpiry() });
      return saved.id;
    });
    return {
      accessToken: await this.tokens.signAccessToken(principal),
      refreshToken: `${tenantId}.${tokenId}.${secret}`,
      expiresIn: this.tokens.accessTokenSeconds,
      user: me,
    };
  }
}

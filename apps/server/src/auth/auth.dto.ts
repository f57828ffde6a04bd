import { Type } from '@sinclair/typebox';
import { MeResponse } from '../tenancy/tenancy.dto';

export const LoginRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    tenant: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
        description: 'Tenant slug; needed only when the e-mail exists in several tenants',
      }),
    ),
  },
  { additionalProperties: false, title: 'LoginRequest' },
);

export const RefreshRequest = Type.Object(
  { refreshToken: Type.String({ minLength: 10, maxLength: 512 }) },
  { additionalProperties: false, title: 'RefreshRequest' },
);

export const SessionResponse = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    user: MeResponse,
  },
  { title: 'SessionResponse' },
);

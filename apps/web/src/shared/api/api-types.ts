import type { components, paths } from './schema';

/** The JSON body of a request or response object of the generated schema. */
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type LoginOperation = paths['/api/v1/auth/login']['post'];

// Derived from paths (fixed by the API contract) rather than component names, which depend on the generator.
export type LoginRequest = JsonContent<NonNullable<LoginOperation['requestBody']>>;
export type AuthTokens = JsonContent<LoginOperation['responses'][200]>;
export type Me = JsonContent<paths['/api/v1/me']['get']['responses'][200]>;
export type Tenant = Me['tenant'];
export type UserLocale = Me['locale'];
export type Health = JsonContent<paths['/api/health']['get']['responses'][200]>;
export type ProblemDocument = components['schemas']['Problem'];

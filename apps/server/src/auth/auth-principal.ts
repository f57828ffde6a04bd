/** Who is calling: set on the request by the auth guard from the bearer token. */
export interface AuthPrincipal {
  userId: string;
  tenantId: string;
  isAdmin: boolean;
}

export interface AuthenticatedRequest {
  principal?: AuthPrincipal;
}

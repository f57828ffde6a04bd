import { Injectable } from '@nestjs/common';
import type { Condition } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import type { PublishedForm } from '../forms/form-catalog.service';

export type RecordAction = 'create' | 'read' | 'update' | 'delete' | 'import' | 'export';

/** What one principal may do with one form's records. */
export interface RecordAccess {
  /** Allowed actions. */
  actions: ReadonlySet<RecordAction>;
  /** Rows the principal may read/update/delete: AND-ed into every query (null = all rows). */
  scope: Condition | null;
  /** Field keys the principal may read (null = all). Hidden fields never leave the server. */
  readable: ReadonlySet<string> | null;
  /** Field keys the principal may write (null = all writable fields). */
  editable: ReadonlySet<string> | null;
}

/**
 * The one seam between the record store and permissions: every record read and write asks it. The role model
 * (roles, data scopes, field permissions) replaces this provider without touching the record code.
 */
export abstract class RecordAccessPolicy {
  abstract accessFor(principal: AuthPrincipal, form: PublishedForm): Promise<RecordAccess> | RecordAccess;
}

const EVERYTHING: RecordAccess = {
  actions: new Set<RecordAction>(['create', 'read', 'update', 'delete', 'import', 'export']),
  scope: null,
  readable: null,
  editable: null,
};

/** Until roles exist: admins may do everything; members create, and read/update/delete their own records. */
@Injectable()
export class OwnerOrAdminAccessPolicy extends RecordAccessPolicy {
  accessFor(principal: AuthPrincipal): RecordAccess {
    if (principal.isAdmin) return EVERYTHING;
    return {
      actions: new Set<RecordAction>(['create', 'read', 'update', 'delete', 'export']),
      scope: {
        or: [
          { field: 'owner_id', op: 'eq', value: { $var: 'me' } },
          { field: 'created_by', op: 'eq', value: { $var: 'me' } },
        ],
      },
      readable: null,
      editable: null,
    };
  }
}

import type { Access, Role } from '#shared/auth/roles';
import type { RequestName } from '#shared/ipc/contract';
import { contract } from '#shared/ipc/contract';

/**
 * Whether a role may make a request, read from the contract's own `access` rule (the same
 * table the backend enforces). The menus and buttons hide what this says no to; the backend
 * refuses it anyway.
 */
export function canUse(role: Role, request: RequestName): boolean {
  const access: Access = contract.requests[request].access;
  if (access === 'public' || access === 'session') return true;
  return access.includes(role);
}

/** The roles of domain.md §1. A user has exactly one role and one office. */
export const roles = [
  'clerk',
  'registrar',
  'auditor',
  'inspector',
  'counter_secretary',
  'administrator',
  'viewer',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  clerk: 'Dealing clerk',
  registrar: 'Registrar (approving officer)',
  auditor: 'Auditor',
  inspector: 'Inspector',
  counter_secretary: 'Society secretary (counter)',
  administrator: 'Administrator',
  viewer: 'Viewer',
};

/**
 * Who may make a request (deny by default):
 * - `public`: anyone, before signing in (the login and first-start screens need these);
 * - `session`: anyone signed in, even with the screen locked or a password change due
 *   (unlock, sign out, change password);
 * - a list of roles: a signed-in, unlocked user holding one of them.
 */
export type Access = 'public' | 'session' | readonly Role[];

/** Everyone who reads the register. The counter secretary reaches only their own return. */
export const registerReaders = [
  'clerk',
  'registrar',
  'auditor',
  'inspector',
  'administrator',
  'viewer',
] as const satisfies readonly Role[];

/** Passwords: NIST SP 800-63B lengths; the administrator's temporary ones follow the same rule. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Idle minutes before the screen locks, unless the administrator sets another value. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

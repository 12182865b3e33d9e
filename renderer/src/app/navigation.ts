import type { Role } from '#shared/auth/roles';
import type { RequestName } from '#shared/ipc/contract';
import { canUse } from '../lib/session';

/** One entry of the left navigation. Later features add theirs here. */
export interface NavEntry {
  path: string;
  label:
    | 'nav.register'
    | 'nav.reference'
    | 'nav.approvals'
    | 'nav.users'
    | 'nav.changes'
    | 'nav.applications'
    | 'nav.certificates'
    | 'nav.verify'
    | 'nav.returns'
    | 'nav.audits'
    | 'nav.sync';
  /** Alt + this key jumps to the screen. */
  shortcutKey: string;
  /** Whether a location belongs to this entry (for highlighting). */
  matches: (pathname: string) => boolean;
  /** The request the screen is built on: a role that may not make it does not see the entry. */
  request: RequestName;
}

export const navEntries: NavEntry[] = [
  {
    path: '/',
    label: 'nav.register',
    shortcutKey: '1',
    matches: (pathname) => pathname === '/' || pathname.startsWith('/societies'),
    request: 'societies.list',
  },
  {
    path: '/reference',
    label: 'nav.reference',
    shortcutKey: '2',
    matches: (pathname) => pathname.startsWith('/reference'),
    request: 'reference.ruleParameters',
  },
  {
    path: '/approvals',
    label: 'nav.approvals',
    shortcutKey: '3',
    matches: (pathname) => pathname.startsWith('/approvals'),
    request: 'statusOrders.decide',
  },
  {
    path: '/users',
    label: 'nav.users',
    shortcutKey: '4',
    matches: (pathname) => pathname.startsWith('/users'),
    request: 'users.list',
  },
  {
    path: '/changes',
    label: 'nav.changes',
    shortcutKey: '5',
    matches: (pathname) => pathname.startsWith('/changes'),
    request: 'changes.list',
  },
  {
    path: '/applications',
    label: 'nav.applications',
    shortcutKey: '6',
    matches: (pathname) => pathname.startsWith('/applications'),
    request: 'applications.list',
  },
  {
    path: '/certificates',
    label: 'nav.certificates',
    shortcutKey: '7',
    matches: (pathname) => pathname.startsWith('/certificates'),
    request: 'certificates.list',
  },
  {
    path: '/verify',
    label: 'nav.verify',
    shortcutKey: '8',
    matches: (pathname) => pathname.startsWith('/verify'),
    request: 'certificates.verify',
  },
  {
    path: '/returns',
    label: 'nav.returns',
    shortcutKey: '9',
    matches: (pathname) => pathname.startsWith('/returns'),
    request: 'returns.register',
  },
  {
    path: '/audits',
    label: 'nav.audits',
    shortcutKey: '0',
    matches: (pathname) => pathname.startsWith('/audits'),
    request: 'audits.register',
  },
  {
    path: '/sync',
    label: 'nav.sync',
    shortcutKey: 'Y',
    matches: (pathname) => pathname.startsWith('/sync'),
    request: 'sync.now',
  },
];

/** The entries a role sees: hidden means hidden, not greyed out. */
export function navEntriesFor(role: Role): NavEntry[] {
  return navEntries.filter((entry) => canUse(role, entry.request));
}

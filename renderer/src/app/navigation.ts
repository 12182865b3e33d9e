/** One entry of the left navigation. Later features add theirs here. */
export interface NavEntry {
  path: string;
  label: 'nav.register' | 'nav.reference';
  /** Alt + this key jumps to the screen. */
  shortcutKey: string;
  /** Whether a location belongs to this entry (for highlighting). */
  matches: (pathname: string) => boolean;
}

export const navEntries: NavEntry[] = [
  {
    path: '/',
    label: 'nav.register',
    shortcutKey: '1',
    matches: (pathname) => pathname === '/' || pathname.startsWith('/societies'),
  },
  {
    path: '/reference',
    label: 'nav.reference',
    shortcutKey: '2',
    matches: (pathname) => pathname.startsWith('/reference'),
  },
];

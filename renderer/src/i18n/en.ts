/**
 * The application's own English strings (the `app` namespace): the shell, sessions, errors
 * and words every screen uses. Each domain keeps its own namespace beside its screens
 * (`features/<domain>/i18n/en.ts`); statutory and legal terms stay English in every language.
 */
export const appEn = {
  app: {
    name: 'Cooperative Societies Registry',
    office: 'Registrar of Cooperative Societies',
    stateOf: 'Government of {{state}}',
  },
  nav: {
    label: 'Main navigation',
    register: 'Society register',
    reference: 'Reference data',
    approvals: 'Approvals',
    users: 'Users',
    changes: 'Record of changes',
    applications: 'Applications',
    certificates: 'Certificate register',
    verify: 'Verify a certificate',
    returns: 'Annual returns',
    audits: 'Audits',
    sync: 'Sync',
    shortcut: 'Alt+{{key}}',
  },
  status: {
    connected: 'Backend connected',
    working: 'Working…',
    registerSize_one: '{{formatted}} society on the register',
    registerSize_other: '{{formatted}} societies on the register',
    version: 'Version {{version}}',
    unavailable: 'Backend not answering',
    /** The status line's key hints come from the screen shown; these are the shared ones. */
    escBack: 'Esc back',
  },
  session: {
    signedInAs: 'Signed in as',
    lock: 'Lock',
    lockHint: 'Lock the screen now (your work stays open)',
    signOut: 'Sign out',
    notForRoleTitle: 'Not available for your role',
    notForRoleBody:
      'Your role ({{role}}) does not include this screen. Ask the administrator if you need it.',
    nothingForRole: 'Your role ({{role}}) has no screens in this version of the registry yet.',
  },
  backendMissing: {
    title: 'The registry backend is not connected.',
    body: 'This window was opened without the registry’s backend, so no register can be shown. Start the app from its desktop shortcut, or in browser mode with “npm run start:web”.',
  },
  errors: {
    screenTitle: 'This screen could not be shown',
    screenBody: 'Something went wrong while drawing this screen. Your saved data is not affected.',
    reload: 'Reload the app',
    tryAgain: 'Try again',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no screen at this address.',
    goToRegister: 'Go to the society register',
  },
  common: {
    back: 'Back to register',
    edit: 'Edit',
    cancel: 'Cancel',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    none: '—',
    loading: 'Loading…',
    dateFormat: 'DD-MM-YYYY',
  },
  saveBar: {
    errorsBanner_one: '{{count}} field needs attention before saving.',
    errorsBanner_other: '{{count}} fields need attention before saving.',
  },
  unsaved: {
    title: 'Discard your changes?',
    body: 'You have typed changes that are not saved. If you leave now they are lost.',
    keepEditing: 'Keep editing',
    discard: 'Discard changes',
  },
} as const;

/** English strings of the `changes` namespace. */
export const changesEn = {
  changes: {
    title: 'Record of changes',
    intro:
      'Every change made in this registry, newest first. Each entry is chained to the one before it, so an altered, removed or inserted entry is found by the check.',
    loadError: 'The record of changes could not be loaded',
    filterUser: 'User',
    filterEntity: 'Kind of record',
    filterOffice: 'Office',
    from: 'From',
    to: 'To',
    anyValue: 'Any',
    clearFilters: 'Clear filters',
    count_one: '{{formatted}} change',
    count_other: '{{formatted}} changes',
    empty: 'No changes match these filters.',
    badDate: 'Enter the date as DD-MM-YYYY.',
    nextPage: 'Next page',
    previousPage: 'Previous page',
    verify: 'Verify the record of changes',
    intact:
      'The record of changes is intact up to entry {{upTo}} (checked {{checked}} entries in {{ms}} ms).',
    brokenTitle: 'The record of changes has been tampered with',
    brokenEntry: 'First bad entry: {{seq}}. Entries up to {{upTo}} are intact.',
    verifyError: 'The check could not be run',
    entity: {
      society: 'Society',
      society_area_village: 'Area of operation',
      society_name: 'Name history',
      society_status: 'Status history',
      status_order: 'Status order',
      user: 'User',
      user_password: 'Password',
      setting: 'Setting',
    },
  },
} as const;

/** English strings of the `registers` namespace. */
export const registersEn = {
  registers: {
    year: 'Financial year',
    office: 'Office',
    allOffices: 'All offices',
    district: 'District',
    allDistricts: 'All districts',
    type: 'Type',
    allTypes: 'All types',
    shown: '{{from}}–{{to}} of {{total}}',
    previous: 'Previous',
    next: 'Next',
  },
} as const;

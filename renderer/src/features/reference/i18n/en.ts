/** English strings of the `reference` namespace. */
export const referenceEn = {
  reference: {
    title: 'Reference data',
    intro:
      'The lists the whole state shares. The administrator keeps them; audit rubrics are edited here, under Audit rubrics.',
    loadError: 'The reference data could not be loaded',
    tabs: {
      districts: 'Districts',
      offices: 'Offices',
      types: 'Sectors & types',
      rules: 'Rule parameters',
      rubrics: 'Audit rubrics',
    },
    districts: {
      code: 'Code',
      name: 'District',
      lgdCode: 'LGD code',
      blocks: 'Blocks / ADCs',
      villages: 'Villages',
      offices: 'Registrar offices',
    },
    offices: {
      code: 'Code',
      name: 'Office',
      level: 'Level',
      address: 'Address',
      jurisdiction: 'Jurisdiction',
      wholeDistricts_one: 'Whole district: {{names}}',
      wholeDistricts_other: 'Whole districts: {{names}}',
      partDistricts_one: 'Part of {{district}}: {{count}} village',
      partDistricts_other: 'Part of {{district}}: {{count}} villages',
      noJurisdiction: 'No jurisdiction recorded',
    },
    types: {
      code: 'Code',
      name: 'Type',
      tier: 'Tier',
      credit: 'Credit',
      minPromoters: 'Min. promoters',
      typeCount_one: '{{count}} type',
      typeCount_other: '{{count}} types',
    },
    rules: {
      key: 'Key',
      scope: 'Applies to',
      scopeAll: 'All',
      value: 'Value',
      effectiveFrom: 'Effective from',
      legalReference: 'Legal reference',
      empty: 'No rule parameters recorded.',
    },
  },
} as const;

/** English strings of the `documents` namespace. */
export const documentsEn = {
  documents: {
    title: 'Documents',
    loadError: 'The documents could not be loaded',
    empty: 'No document is attached.',
    col: { file: 'File', purpose: 'What it is', size: 'Size', added: 'Attached by' },
    purpose: {
      bank_certificate: 'Bank certificate',
      bye_laws: 'Bye-laws',
      fee_receipt: 'Fee receipt',
      audited_accounts: 'Audited accounts',
      annual_report: 'Annual report',
      audit_photo: 'Photo taken at the audit',
      audit_working_paper: 'Scanned document or working paper',
      other: 'Other',
    },
    purposeLabel: 'What it is',
    purposePlaceholder: 'Choose first',
    choosePurpose: 'Choose what the document is before attaching it.',
    tooLarge: 'The file is {{size}}; at most 10 MB can be attached. Scan it at a lower resolution.',
    attach: 'Attach a file…',
    hint: 'PDF, JPEG or PNG, up to 10 MB. Attached files are kept and never overwritten.',
    added: '{{name}} was attached.',
  },
} as const;

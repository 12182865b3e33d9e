/** Addresses of the screens, shared by the router, the navigation and the features. */
export const paths = {
  register: '/',
  newSociety: '/societies/new',
  approvals: '/approvals',
  users: '/users',
  changes: '/changes',
  sync: '/sync',
  society: (id: string) => `/societies/${id}`,
  editSociety: (id: string) => `/societies/${id}/edit`,
  reference: '/reference',
  applications: '/applications',
  newApplication: '/applications/new',
  nameReservations: '/applications/names',
  application: (id: string) => `/applications/${id}`,
  acknowledgement: (id: string) => `/applications/${id}/acknowledgement`,
  refusalOrder: (id: string) => `/applications/${id}/refusal-order`,
  deficiencyLetter: (id: string, letterId: string) => `/applications/${id}/letters/${letterId}`,
  certificates: '/certificates',
  returns: '/returns',
  returnCandidates: '/returns/candidates',
  annualReturn: (societyId: string, fy: string) => `/returns/${societyId}/${fy}`,
  returnAcknowledgement: (societyId: string, fy: string) =>
    `/returns/${societyId}/${fy}/acknowledgement`,
  verify: '/verify',
  audits: '/audits',
  audit: (id: string) => `/audits/${id}`,
  auditReceipt: (id: string, receiptNo: string) =>
    `/audits/${id}/receipt/${encodeURIComponent(receiptNo)}`,
};

/** Location state the register leaves when it opens a society, so "Back" returns to the same list. */
export interface FromRegisterState {
  registerSearch: string;
  selectedId: string;
}

export function readFromRegisterState(state: unknown): FromRegisterState | null {
  if (typeof state !== 'object' || state === null) return null;
  const candidate = state as Partial<FromRegisterState>;
  return typeof candidate.registerSearch === 'string' && typeof candidate.selectedId === 'string'
    ? { registerSearch: candidate.registerSearch, selectedId: candidate.selectedId }
    : null;
}

/** Where "Back to register" goes: the list the clerk came from, with that society selected. */
export function registerReturn(state: unknown, id: string) {
  const from = readFromRegisterState(state);
  return {
    to: `${paths.register}${from?.registerSearch ?? ''}`,
    state: { restoreSelectedId: from?.selectedId ?? id },
  };
}

import { scrutinyChecklist } from '#shared/registration/registration';
import type { AuditDetail } from '#shared/audits/contract';
import type { AuthStatus, SessionUser } from '#shared/auth/contract';
import type { CertificateRow } from '#shared/certificates/contract';
import type { ChangeEntry } from '#shared/changes/contract';
import type { ReferenceData } from '#shared/reference/contract';
import type { SocietyDetail, SocietyRow } from '#shared/societies/contract';
import type { StatusOrderRow } from '#shared/status-orders/contract';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ids = {
  aizawl: uuid(1),
  champhai: uuid(2),
  blockAizawl: uuid(11),
  blockChamphai: uuid(12),
  durtlang: uuid(21),
  zemabawk: uuid(22),
  ngopa: uuid(23),
  officeAizawl: uuid(31),
  officeChamphai: uuid(32),
  sectorFishery: uuid(41),
  sectorCredit: uuid(42),
  typeFishery: uuid(51),
  typePacs: uuid(52),
  society: uuid(61),
  clerk: uuid(71),
  registrar: uuid(72),
  administrator: uuid(73),
  viewer: uuid(74),
  order: uuid(81),
};

export const reference: ReferenceData = {
  stateName: 'Mizoram',
  districts: [
    { id: ids.aizawl, code: 'AZL', name: 'Aizawl', lgdCode: '261' },
    { id: ids.champhai, code: 'CHP', name: 'Champhai', lgdCode: '262' },
  ],
  blocks: [
    {
      id: ids.blockAizawl,
      districtId: ids.aizawl,
      code: 'TLG',
      name: 'Tlangnuam',
      kind: 'rd_block',
      lgdCode: null,
    },
    {
      id: ids.blockChamphai,
      districtId: ids.champhai,
      code: 'NGO',
      name: 'Ngopa',
      kind: 'rd_block',
      lgdCode: null,
    },
  ],
  villages: [
    {
      id: ids.durtlang,
      blockId: ids.blockAizawl,
      districtId: ids.aizawl,
      code: 'DUR',
      name: 'Durtlang',
      kind: 'vc',
      lgdCode: null,
    },
    {
      id: ids.zemabawk,
      blockId: ids.blockAizawl,
      districtId: ids.aizawl,
      code: 'ZEM',
      name: 'Zemabawk',
      kind: 'vc',
      lgdCode: null,
    },
    {
      id: ids.ngopa,
      blockId: ids.blockChamphai,
      districtId: ids.champhai,
      code: 'NGP',
      name: 'Ngopa',
      kind: 'vc',
      lgdCode: null,
    },
  ],
  offices: [
    {
      id: ids.officeAizawl,
      code: 'ARCS-AZL',
      name: 'Office of the Assistant Registrar of Cooperative Societies, Aizawl',
      shortName: 'ARCS Aizawl',
      address: 'Treasury Square, Aizawl',
      level: 'district',
      districtIds: [ids.aizawl],
      villageIds: [],
    },
    {
      id: ids.officeChamphai,
      code: 'ARCS-CHP',
      name: 'Office of the Assistant Registrar of Cooperative Societies, Champhai',
      shortName: 'ARCS Champhai',
      address: 'Champhai',
      level: 'district',
      districtIds: [ids.champhai],
      villageIds: [],
    },
  ],
  sectors: [
    { id: ids.sectorFishery, code: 'FISH', name: 'Fishery' },
    { id: ids.sectorCredit, code: 'CRED', name: 'Credit' },
  ],
  societyTypes: [
    {
      id: ids.typeFishery,
      code: 'FCS',
      name: 'Fishery Cooperative Society',
      sectorId: ids.sectorFishery,
      tier: 'primary',
      credit: false,
      minPromoters: 10,
      scrutinyItems: scrutinyChecklist([
        { code: 'water_rights', label: 'Right to use the ponds or water body' },
      ]),
    },
    {
      id: ids.typePacs,
      code: 'PACS',
      name: 'Primary Agricultural Credit Society',
      sectorId: ids.sectorCredit,
      tier: 'primary',
      credit: true,
      minPromoters: 10,
      scrutinyItems: scrutinyChecklist([]),
    },
  ],
};

export function societyRow(n: number, overrides: Partial<SocietyRow> = {}): SocietyRow {
  return {
    id: uuid(1000 + n),
    name: `Society Number ${n} Cooperative Society Ltd.`,
    nameMizo: null,
    regNo: `RCS/AZL/2024-25/${String(n).padStart(4, '0')}`,
    registeredOn: '2024-06-15',
    status: 'functional',
    typeName: 'Fishery Cooperative Society',
    sectorName: 'Fishery',
    districtName: 'Aizawl',
    officeName: 'ARCS Aizawl',
    place: 'Durtlang',
    ...overrides,
  };
}

export const detail: SocietyDetail = {
  id: ids.society,
  name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
  nameMizo: 'Ṭhutmun Sangha Vulh Cooperative Society',
  regNo: 'RCS/AZL/2024-25/0007',
  regNoProvisional: false,
  registeredOn: '2024-05-02',
  basis: 'legacy',
  typeId: ids.typeFishery,
  typeName: 'Fishery Cooperative Society',
  sectorId: ids.sectorFishery,
  sectorName: 'Fishery',
  tier: 'primary',
  liability: 'limited',
  address: 'Durtlang North, Aizawl',
  districtId: ids.aizawl,
  districtName: 'Aizawl',
  villageId: ids.durtlang,
  villageName: 'Durtlang',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
  areaOfOperation: [{ id: ids.durtlang, name: 'Durtlang', districtName: 'Aizawl' }],
  shareValuePaise: 10_000,
  admissionFeePaise: 5_000,
  authorisedCapitalPaise: 123_456_700,
  financingBank: 'Mizoram Cooperative Apex Bank',
  federation: null,
  status: 'functional',
  statusSince: '2024-05-02',
  contactPerson: 'Lalthanga',
  phone: '0389 2345678',
  email: null,
  ncdId: null,
  remarks: null,
  statusHistory: [],
  nameHistory: [],
  version: 3,
  createdAt: '2025-01-10T04:30:00.000Z',
  createdBy: 'clerk.aizawl',
  updatedAt: '2025-02-11T05:45:00.000Z',
  updatedBy: 'clerk.aizawl',
};

export const clerk: SessionUser = {
  id: ids.clerk,
  username: 'lalthanga',
  fullName: 'Lalthanga Sailo',
  role: 'clerk',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
};

export const registrar: SessionUser = {
  id: ids.registrar,
  username: 'zothanpuii',
  fullName: 'Zothanpuii Ralte',
  role: 'registrar',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
};

export const administrator: SessionUser = {
  id: ids.administrator,
  username: 'admin',
  fullName: 'Vanlalruata Khiangte',
  role: 'administrator',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
};

export const viewer: SessionUser = {
  id: ids.viewer,
  username: 'viewer',
  fullName: 'Lalremsiami Hmar',
  role: 'viewer',
  officeId: ids.officeAizawl,
  officeName: 'ARCS Aizawl',
};

export function signedIn(
  user: SessionUser,
  overrides: Partial<NonNullable<AuthStatus['session']>> = {},
): AuthStatus {
  return {
    setupNeeded: false,
    session: {
      user,
      locked: false,
      mustChangePassword: false,
      idleLockMinutes: 10,
      counter: null,
      ...overrides,
    },
  };
}

export function statusOrder(overrides: Partial<StatusOrderRow> = {}): StatusOrderRow {
  return {
    id: ids.order,
    societyId: ids.society,
    societyName: 'Ṭhutmun Fishery Cooperative Society Ltd.',
    societyRegNo: 'RCS/AZL/2024-25/0007',
    officeId: ids.officeAizawl,
    officeName: 'ARCS Aizawl',
    fromStatus: 'functional',
    toStatus: 'non_functional',
    effectiveOn: '2025-03-01',
    orderRef: 'ARCS/AZL/ORD/2025/4',
    reason: 'No business for two years; no general body meeting since 2022.',
    state: 'proposed',
    proposedBy: ids.clerk,
    proposedByName: 'Lalthanga Sailo',
    proposedAt: '2025-03-02T05:30:00.000Z',
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
    version: 1,
    ...overrides,
  };
}

export function changeEntry(overrides: Partial<ChangeEntry> = {}): ChangeEntry {
  return {
    seq: 412,
    at: '2025-03-02T05:30:00.000Z',
    userId: ids.clerk,
    userName: 'Lalthanga Sailo',
    role: 'clerk',
    officeName: 'ARCS Aizawl',
    deviceId: '0193a2b4-c5d6-7e8f-9012-3456789abcde',
    action: 'society.update',
    entity: 'society',
    entityId: ids.society,
    subjectId: ids.society,
    subjectName: 'Ṭhutmun Fishery Cooperative Society Ltd.',
    changes: {
      phone: ['0389 2345678', '98620 12345'],
      authorisedCapitalPaise: [123_456_700, 500_000_000],
      registeredOn: ['2024-05-02', '2024-05-12'],
      districtId: [ids.aizawl, ids.champhai],
    },
    ...overrides,
  };
}

/** The registration certificate of `detail`'s society, in force. */
export const certificate: CertificateRow = {
  id: uuid(71),
  serial: 'RC/AIZ/2026-27/000007',
  kind: 'registration',
  societyId: ids.society,
  societyName: detail.name,
  regNo: detail.regNo,
  issuedOn: '2026-11-23',
  officeName: 'ARCS Aizawl',
  registrarName: 'Vanlalṭhanga Hnamte',
  duplicateOf: null,
  revokedAt: null,
  revokedReason: null,
  voidReason: null,
  keyId: 'AIZ-k1',
  printable: true,
  duplicable: true,
};

/** An audit in the field, assigned to the auditor: a report with one head of each statement. */
export function auditInField(overrides: Partial<AuditDetail> = {}): AuditDetail {
  return {
    id: uuid(91),
    version: 3,
    state: 'in_field',
    fy: '2025-26',
    dueOn: '2026-09-30',
    overdue: false,
    society: {
      id: ids.society,
      name: 'Ṭhutmun Fishery Cooperative Society Ltd.',
      regNo: 'RCS/AZL/2024-25/0007',
      address: 'Ṭhutmun veng, Aizawl',
      officeId: ids.officeAizawl,
      officeName: 'ARCS Aizawl',
      typeName: 'Fishery cooperative society',
      credit: false,
    },
    auditorId: uuid(75),
    auditorName: 'Lalmuanpuia Hnamte',
    auditorKind: 'departmental',
    assignedByName: 'Zothanpuii Ralte',
    assignedOn: '2026-05-04',
    fieldworkFrom: null,
    fieldworkTo: null,
    reportDueOn: null,
    statementHeads: {
      liabilities: [{ code: 'share_capital', label: 'Share capital' }],
      assets: [{ code: 'cash', label: 'Cash in hand and at bank' }],
      income: [{ code: 'sales', label: 'Sales' }],
      expenditure: [{ code: 'purchases', label: 'Purchases' }],
    },
    statements: {},
    rubric: {
      id: uuid(92),
      version: 1,
      scope: '',
      scopeName: 'Every type',
      fromFy: '2024-25',
      criteria: [{ code: 'recovery', label: 'Recovery of dues', maxMarks: 10 }],
      thresholds: { aAbove: 60, bFrom: 45, cFrom: 30 },
      gradedAudits: 0,
    },
    scores: {},
    totalMarks: null,
    maxMarks: 10,
    grade: null,
    summary: null,
    submittedOn: null,
    reviewedByName: null,
    reviewedAt: null,
    reviewRemarks: null,
    certificateSerial: null,
    rectificationDueDefault: '2026-09-07',
    observations: [],
    fee: {
      computedPaise: null,
      overridePaise: null,
      overrideReason: null,
      duePaise: null,
      paidPaise: 0,
      outstandingPaise: null,
      receipts: [],
    },
    ...overrides,
  };
}

/**
 * What the parts of registration share: an application as stored, what the scrutiny found
 * for an item of its checklist, and the checklist of a society type.
 */
import type {
  ApplicationState,
  ScrutinyItem,
  ScrutinyResult,
} from '#shared/registration/registration';
import { personNameSql } from '../db/person-name';
import type { ReferenceService } from '../reference/reference-service';

/** A registration application as its row stands, with the names of who received and decided it. */
export interface ApplicationRecord {
  id: string;
  version: number;
  ackNo: string;
  proposedName: string;
  proposedNameMizo: string | null;
  typeId: string;
  officeId: string;
  districtId: string;
  villageId: string | null;
  address: string;
  areaVillageIds: string;
  receivedOn: string;
  mode: 'counter' | 'post';
  shareCapitalPaise: number;
  bankCertificateRef: string | null;
  byLaws: 'model' | 'own';
  feeReceiptNo: string | null;
  /** JSON object: item code → what the scrutiny found (`ScrutinyEntry`). */
  scrutiny: string;
  state: ApplicationState;
  receivedBy: string;
  receivedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReasons: string | null;
  societyId: string | null;
  entryRefusedReason: string | null;
  entryRefusedRegNo: string | null;
}

export const SELECT_APPLICATION = `
  SELECT a.id, a.version, a.ack_no AS ackNo, a.proposed_name AS proposedName, a.proposed_name_mizo AS proposedNameMizo,
         a.type_id AS typeId, a.office_id AS officeId, a.district_id AS districtId, a.village_id AS villageId,
         a.address, a.area_village_ids AS areaVillageIds, a.received_on AS receivedOn, a.mode,
         a.share_capital_paise AS shareCapitalPaise, a.bank_certificate_ref AS bankCertificateRef, a.by_laws AS byLaws,
         a.fee_receipt_no AS feeReceiptNo, a.scrutiny, a.state, a.received_by AS receivedBy,
         ${personNameSql('a.received_by')} AS receivedByName,
         (SELECT full_name FROM users WHERE id = a.decided_by) AS decidedByName, a.decided_at AS decidedAt,
         a.decision_reasons AS decisionReasons, a.society_id AS societyId,
         a.entry_refused_reason AS entryRefusedReason, a.entry_refused_reg_no AS entryRefusedRegNo
  FROM registration_applications a`;

/** What the scrutiny found for one item of the checklist, by whom and when. */
export interface ScrutinyEntry {
  result: ScrutinyResult;
  note: string | null;
  by: string;
  on: string;
}

/** The checklist of a society type: the common items, then the type's own. */
export function checklistOf(reference: ReferenceService, typeId: string): ScrutinyItem[] {
  return reference.get().societyTypes.find((type) => type.id === typeId)?.scrutinyItems ?? [];
}

import { AppError } from '#shared/errors';
import { regNoKey, type SocietyStatus } from '#shared/societies/society';
import type { SocietyDetail } from '#shared/societies/contract';
import { personNameSql } from '../db/person-name';
import type { Prepare } from '../db/statement-cache';

/** A society's record as the register holds it: the whole of one, and facts about the rest. */
export class SocietyRecords {
  constructor(
    private readonly prepare: Prepare,
    /** Whether a registration number is provisional, waiting for sync (sync.md §6). */
    private readonly isProvisionalNumber: (regNo: string) => boolean,
  ) {}

  /** The office a society belongs to; null when it is not on this computer. */
  officeIdOf(id: string): string | null {
    const row = this.prepare('SELECT office_id AS officeId FROM societies WHERE id = ?').get(id) as
      { officeId: string } | undefined;
    return row?.officeId ?? null;
  }

  /** Whether a society on the register already carries this registration number. */
  isNumberUsed(regNo: string): boolean {
    return (
      this.prepare('SELECT 1 FROM societies WHERE reg_no_key = ? AND deleted_at IS NULL').get(
        regNoKey(regNo),
      ) !== undefined
    );
  }

  /** Number of societies on the register (tombstones excluded). */
  count(): number {
    return (
      this.prepare('SELECT count(*) AS n FROM societies WHERE deleted_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  /** The whole record with its area of operation and histories; `not_found` if absent. */
  get(id: string): SocietyDetail {
    const row = this.prepare(
      `SELECT s.*, t.name AS type_name, t.sector_id, sec.name AS sector_name, d.name AS district_name,
              v.name AS village_name, o.short_name AS office_name,
              ${personNameSql('s.created_by')} AS created_by_name, ${personNameSql('s.updated_by')} AS updated_by_name
       FROM societies s
       JOIN society_types t ON t.id = s.type_id
       JOIN sectors sec ON sec.id = t.sector_id
       JOIN districts d ON d.id = s.district_id
       JOIN offices o ON o.id = s.office_id
       LEFT JOIN villages v ON v.id = s.village_id
       WHERE s.id = ? AND s.deleted_at IS NULL`,
    ).get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError('not_found', 'This society is not on the register.');
    const area = this.prepare(
      `SELECT v.id, v.name, d.name AS districtName FROM society_area_villages a
       JOIN villages v ON v.id = a.village_id JOIN districts d ON d.id = v.district_id
       WHERE a.society_id = ? AND a.deleted_at IS NULL ORDER BY v.name`,
    ).all(id) as SocietyDetail['areaOfOperation'];
    const statusHistory = this.prepare(
      `SELECT h.id, h.status, h.effective_on AS effectiveOn, h.order_ref AS orderRef, h.reason,
              h.created_at AS recordedAt, h.created_by AS recordedBy,
              ${personNameSql('h.created_by')} AS recordedByName,
              p.full_name AS proposedByName, d.full_name AS approvedByName
       FROM society_status_history h
       LEFT JOIN status_orders o ON o.id = h.order_id
       LEFT JOIN users p ON p.id = o.proposed_by
       LEFT JOIN users d ON d.id = o.decided_by
       WHERE h.society_id = ? AND h.deleted_at IS NULL
       ORDER BY coalesce(h.effective_on, substr(h.created_at, 1, 10)) DESC, h.created_at DESC`,
    ).all(id) as SocietyDetail['statusHistory'];
    const nameHistory = this.prepare(
      `SELECT n.id, n.name, n.name_mizo AS nameMizo, n.used_until AS usedUntil, n.reason,
              n.created_at AS recordedAt, ${personNameSql('n.created_by')} AS recordedBy
       FROM society_name_history n WHERE n.society_id = ? AND n.deleted_at IS NULL ORDER BY n.created_at DESC`,
    ).all(id) as SocietyDetail['nameHistory'];
    return {
      id: row['id'] as string,
      name: row['name'] as string,
      nameMizo: row['name_mizo'] as string | null,
      regNo: row['reg_no'] as string,
      regNoProvisional: this.isProvisionalNumber(row['reg_no'] as string),
      registeredOn: row['registered_on'] as string,
      basis: row['basis'] as SocietyDetail['basis'],
      typeId: row['type_id'] as string,
      typeName: row['type_name'] as string,
      sectorId: row['sector_id'] as string,
      sectorName: row['sector_name'] as string,
      tier: row['tier'] as SocietyDetail['tier'],
      liability: row['liability'] as SocietyDetail['liability'],
      address: row['address'] as string,
      districtId: row['district_id'] as string,
      districtName: row['district_name'] as string,
      villageId: row['village_id'] as string | null,
      villageName: row['village_name'] as string | null,
      officeId: row['office_id'] as string,
      officeName: row['office_name'] as string,
      areaOfOperation: area,
      shareValuePaise: row['share_value_paise'] as number | null,
      admissionFeePaise: row['admission_fee_paise'] as number | null,
      authorisedCapitalPaise: row['authorised_capital_paise'] as number | null,
      financingBank: row['financing_bank'] as string | null,
      federation: row['federation'] as string | null,
      status: row['status'] as SocietyStatus,
      statusSince: row['status_since'] as string | null,
      contactPerson: row['contact_person'] as string | null,
      phone: row['phone'] as string | null,
      email: row['email'] as string | null,
      ncdId: row['ncd_id'] as string | null,
      remarks: row['remarks'] as string | null,
      statusHistory,
      nameHistory,
      version: row['version'] as number,
      createdAt: row['created_at'] as string,
      createdBy: row['created_by_name'] as string,
      updatedAt: row['updated_at'] as string,
      updatedBy: row['updated_by_name'] as string,
    };
  }
}

import { financialYearOf, formatDate } from '#shared/domain/dates';
import { AppError } from '#shared/errors';
import type { SessionUser } from '#shared/auth/contract';
import type { Prepare } from '../db/statement-cache';
import { assertJurisdiction } from '../jurisdiction';
import type { ReferenceService } from '../reference/reference-service';
import { officeNumbering, type NumberAllocator } from '../registration/number-allocator';
import { safeFileName } from '../safe-file-name';
import { actorFor, type MutationWriter } from '../sync/mutation-writer';
import { renderDefaulterNotices, type DefaulterNotice } from './notice-pdf';
import { presentPrintout, type PrintoutFiles } from '../printouts';
import type { ReturnRecords } from './return-records';
import type { ReturnRegister } from './return-register';

/** Notices to the societies of an office whose return of a year is overdue. */
export class ReturnNotices {
  constructor(
    private readonly prepare: Prepare,
    private readonly writer: MutationWriter,
    private readonly reference: ReferenceService,
    private readonly numbers: NumberAllocator,
    private readonly records: ReturnRecords,
    private readonly register: ReturnRegister,
    private readonly files: PrintoutFiles & { fontsDir: string },
  ) {}

  /**
   * A notice to every society of the office whose return of `fy` is overdue: one page each
   * in one PDF, each notice recorded as sent (an append-only fact).
   */
  async defaulterNotices(
    user: SessionUser,
    officeId: string,
    fy: string,
  ): Promise<{ fileName: string; url: string | null; count: number }> {
    assertJurisdiction(this.reference, user, officeId, 'send notices for this office');
    const office = this.reference.get().offices.find((o) => o.id === officeId);
    if (!office) throw new AppError('not_found', 'This office does not exist.');
    const dueOn = this.records.dueOn(fy);
    const today = this.records.today();
    if (today <= dueOn) {
      throw new AppError(
        'conflict',
        `Returns of ${fy} are due by ${formatDate(dueOn)}; no society is overdue yet.`,
      );
    }
    const query = this.register.registerQuery({ fy, officeId, status: 'overdue' })!;
    const overdue = this.prepare(
      `SELECT s.id, s.name, s.reg_no AS regNo, s.address ${query.from} ${query.where} ORDER BY s.sort_key`,
    ).all(query.params) as { id: string; name: string; regNo: string; address: string }[];
    if (overdue.length === 0) {
      throw new AppError('conflict', `No society of ${office.shortName} is overdue for ${fy}.`);
    }
    const fee = this.records.lateFeeOf(dueOn, today, fy);
    const notices: DefaulterNotice[] = [];
    this.writer.run(actorFor(user), (tx) => {
      const batchId = tx.newId();
      for (const society of overdue) {
        const id = tx.newId();
        const { number: letterNo } = this.numbers.allocate(
          tx,
          officeNumbering('returnNotice', office.code, financialYearOf(today)),
          'return_notice',
          id,
        );
        const row = { id, societyId: society.id, fy, letterNo, sentOn: today, batchId };
        this.prepare(
          `INSERT INTO return_notices (id, version, created_at, created_by, updated_at, updated_by, society_id, fy,
             letter_no, sent_on, batch_id)
           VALUES (@id, 1, @now, @by, @now, @by, @societyId, @fy, @letterNo, @sentOn, @batchId)`,
        ).run({ ...row, now: tx.now, by: user.id });
        tx.record({
          name: 'returnNotice.send',
          entity: 'return_notice',
          entityId: id,
          subjectId: society.id,
          args: row,
          baseVersion: null,
          base: null,
        });
        notices.push({
          letterNo,
          societyName: society.name,
          regNo: society.regNo,
          address: society.address,
        });
      }
    });
    const pdf = await renderDefaulterNotices(
      {
        stateName: this.reference.get().stateName,
        officeName: office.name,
        officeAddress: office.address,
        signedBy: user.fullName,
        fy,
        dueOn,
        sentOn: today,
        daysLate: fee.daysLate,
        feePaise: fee.feePaise,
        perMonthPaise: fee.perMonthPaise,
        maximumPaise: fee.maximumPaise,
        notices,
      },
      this.files.fontsDir,
      this.reference.letterhead.marks(),
    );
    const fileName = safeFileName(`Return-notices-${office.code}-${fy}-${today}.pdf`);
    return { ...(await presentPrintout(this.files, fileName, pdf)), count: notices.length };
  }
}

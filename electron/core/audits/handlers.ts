import type { auditRequests } from '#shared/audits/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import type { AuditService } from './audit-service';

export function auditHandlers(audits: AuditService): HandlersOf<typeof auditRequests> {
  const { programme, details, reports, observations, defects, fees, rubrics } = audits;
  return {
    'audits.register': ({ offset, limit, ...filter }) =>
      programme.register(filter, { offset, limit }),
    'audits.counts': (input) => programme.counts(input),
    'audits.mine': (_input, caller) => programme.mine(signedIn(caller)),
    'audits.auditors': () => programme.auditors(),
    'audits.assign': (input, caller) => programme.assign(signedIn(caller), input),
    'audits.assignMatching': (input, caller) => programme.assignMatching(signedIn(caller), input),
    'audits.reassign': (input, caller) =>
      programme.reassign(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.auditorId,
        input.auditorKind,
      ),
    'audits.get': (input) => details.get(input.id),
    'audits.ofSociety': (input) => details.ofSociety(input.societyId),
    'audits.saveReport': (input, caller) =>
      reports.saveReport(signedIn(caller), input.id, input.baseVersion, input.report),
    'audits.addObservation': (input, caller) =>
      observations.addObservation(signedIn(caller), input.auditId, input.observation),
    'audits.reviseObservation': (input, caller) =>
      observations.reviseObservation(signedIn(caller), input.observationId, input.observation),
    'audits.submit': (input, caller) =>
      reports.submit(signedIn(caller), input.id, input.baseVersion),
    'audits.review': (input, caller) =>
      reports.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.remarks),
    'audits.followUp': (input, caller) => defects.followUp(signedIn(caller), input),
    'audits.overdueDefects': (input) => defects.overdueDefects(input.officeId),
    'audits.setFee': (input, caller) =>
      fees.setFee(signedIn(caller), input.id, input.baseVersion, input.feePaise, input.reason),
    'audits.receiveFee': (input, caller) => fees.receiveFee(signedIn(caller), input),
    'audits.grades': (input) => programme.grades(input.fy, input.officeId),
    'audits.rubrics': () => rubrics.list(),
    'audits.saveRubric': (input, caller) => rubrics.save(signedIn(caller), input),
  };
}

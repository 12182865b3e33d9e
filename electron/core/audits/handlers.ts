import type { auditRequests } from '#shared/audits/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import type { AuditService } from './audit-service';

export function auditHandlers(audits: AuditService): HandlersOf<typeof auditRequests> {
  return {
    'audits.register': ({ offset, limit, ...filter }) => audits.register(filter, { offset, limit }),
    'audits.counts': (input) => audits.counts(input),
    'audits.mine': (_input, caller) => audits.mine(signedIn(caller)),
    'audits.auditors': () => audits.auditors(),
    'audits.assign': (input, caller) => audits.assign(signedIn(caller), input),
    'audits.assignMatching': (input, caller) => audits.assignMatching(signedIn(caller), input),
    'audits.reassign': (input, caller) =>
      audits.reassign(
        signedIn(caller),
        input.id,
        input.baseVersion,
        input.auditorId,
        input.auditorKind,
      ),
    'audits.get': (input) => audits.get(input.id),
    'audits.ofSociety': (input) => audits.ofSociety(input.societyId),
    'audits.saveReport': (input, caller) =>
      audits.saveReport(signedIn(caller), input.id, input.baseVersion, input.report),
    'audits.addObservation': (input, caller) =>
      audits.addObservation(signedIn(caller), input.auditId, input.observation),
    'audits.reviseObservation': (input, caller) =>
      audits.reviseObservation(signedIn(caller), input.observationId, input.observation),
    'audits.submit': (input, caller) =>
      audits.submit(signedIn(caller), input.id, input.baseVersion),
    'audits.review': (input, caller) =>
      audits.review(signedIn(caller), input.id, input.baseVersion, input.decision, input.remarks),
    'audits.followUp': (input, caller) => audits.followUp(signedIn(caller), input),
    'audits.overdueDefects': (input) => audits.overdueDefects(input.officeId),
    'audits.setFee': (input, caller) =>
      audits.setFee(signedIn(caller), input.id, input.baseVersion, input.feePaise, input.reason),
    'audits.receiveFee': (input, caller) => audits.receiveFee(signedIn(caller), input),
    'audits.grades': (input) => audits.grades(input.fy, input.officeId),
    'audits.rubrics': () => audits.rubrics(),
    'audits.saveRubric': (input, caller) => audits.saveRubric(signedIn(caller), input),
  };
}

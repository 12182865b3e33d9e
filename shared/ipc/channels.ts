// Request and event names. No imports: the sandboxed preload bundles this file alone.

export const requestNames = [
  'app.info',
  'reference.get',
  'reference.ruleParameters',
  'societies.search',
  'societies.list',
  'societies.get',
  'societies.create',
  'societies.update',
  'societies.history',
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.touch',
  'auth.changePassword',
  'settings.update',
  'users.list',
  'users.create',
  'users.update',
  'users.setActive',
  'users.resetPassword',
  'statusOrders.propose',
  'statusOrders.decide',
  'statusOrders.list',
  'changes.list',
  'changes.verify',
  'applications.receive',
  'applications.get',
  'applications.list',
  'applications.startScrutiny',
  'applications.recordScrutiny',
  'applications.issueDeficiency',
  'applications.recordReply',
  'applications.decide',
  'applications.recordDeemed',
  'applications.withdraw',
  'documents.add',
  'documents.list',
  'returns.register',
  'returns.counts',
  'returns.get',
  'returns.ofSociety',
  'returns.openCounter',
  'returns.counterForm',
  'returns.file',
  'returns.closeCounter',
  'returns.review',
  'returns.defaulterNotices',
  'returns.export',
  'returns.nonFunctionalCandidates',
  'audits.register',
  'audits.counts',
  'audits.mine',
  'audits.auditors',
  'audits.assign',
  'audits.assignMatching',
  'audits.reassign',
  'audits.get',
  'audits.ofSociety',
  'audits.saveReport',
  'audits.addObservation',
  'audits.reviseObservation',
  'audits.submit',
  'audits.review',
  'audits.followUp',
  'audits.overdueDefects',
  'audits.setFee',
  'audits.receiveFee',
  'audits.grades',
  'audits.rubrics',
  'audits.saveRubric',
  'documents.open',
  'names.reserve',
  'names.list',
  'certificates.keys',
  'certificates.list',
  'certificates.verify',
  'certificates.print',
  'certificates.issueDuplicate',
] as const;

export type RequestName = (typeof requestNames)[number];

export const eventNames = [
  'societies.changed',
  'statusOrders.changed',
  'applications.changed',
] as const;

export type EventName = (typeof eventNames)[number];

/** The one Electron IPC channel every request travels on. */
export const invokeChannel = 'app:invoke';
/** The Electron IPC channel backend events arrive on. */
export const eventChannel = 'app:event';

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (requestNames as readonly string[]).includes(name);
}

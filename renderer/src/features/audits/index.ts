export { AuditScreen } from './AuditScreen';
export { AuditsScreen } from './AuditsScreen';
export { FeeReceipt } from './FeeReceipt';
export { RubricsPanel } from './RubricsPanel';
export { SocietyAudits } from './SocietyAudits';

export { AcknowledgementSlip } from './AcknowledgementSlip';
export { ApplicationScreen } from './ApplicationScreen';
export { ApplicationsScreen } from './ApplicationsScreen';
export { DueSoonCard } from './DueSoonCard';
export { NewApplicationScreen } from './NewApplicationScreen';
export { RefusalOrder } from './RefusalOrder';
export { DeficiencyLetter } from './DeficiencyLetter';
export { NameReservationsScreen } from './NameReservationsScreen';

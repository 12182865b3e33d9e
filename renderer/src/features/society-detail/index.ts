export { RegistrationNumber } from './RegistrationNumber';
export { SocietyDetailScreen } from './SocietyDetailScreen';
export type { SavedState } from './SocietyDetailScreen';

export { SocietyDetailScreen } from './SocietyDetailScreen';
export type { SavedState } from './SocietyDetailScreen';

export { RegistrationNumber } from './detail/RegistrationNumber';
export { SocietyDetailScreen } from './detail/SocietyDetailScreen';
export type { SavedState } from './detail/SocietyDetailScreen';
export { AddSocietyScreen } from './form/AddSocietyScreen';
export { EditSocietyScreen } from './form/EditSocietyScreen';
export { SocietyRegister } from './register/SocietyRegister';
export { refreshSocieties, societyKeys, useSociety } from './queries';

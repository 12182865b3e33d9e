export { ChangesScreen } from './ChangesScreen';

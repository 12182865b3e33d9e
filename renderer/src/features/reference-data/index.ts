export { ReferenceDataScreen } from './ReferenceDataScreen';

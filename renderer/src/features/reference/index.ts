export { ReferenceDataScreen } from './ReferenceDataScreen';
export { ReferenceLetterhead } from './ReferenceLetterhead';
export {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from './reference-options';
export { useLetterhead, useReferenceData, useRuleParameters } from './queries';

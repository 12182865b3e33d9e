export { ReferenceDataScreen } from './ReferenceDataScreen';
export {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from './reference-options';
export { useReferenceData, useRuleParameters } from './queries';

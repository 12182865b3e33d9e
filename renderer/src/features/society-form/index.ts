export { AddSocietyScreen } from './AddSocietyScreen';
export { EditSocietyScreen } from './EditSocietyScreen';
export {
  areaVillageOptions,
  districtOptions,
  officeOptions,
  typeOptions,
  villageOptions,
} from './reference-options';

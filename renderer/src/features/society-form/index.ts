export { AddSocietyScreen } from './AddSocietyScreen';
export { EditSocietyScreen } from './EditSocietyScreen';

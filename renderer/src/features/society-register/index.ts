export { SocietyRegister } from './SocietyRegister';

export { ApprovalsScreen } from './ApprovalsScreen';

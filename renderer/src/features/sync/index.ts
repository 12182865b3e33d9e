export { SyncIndicator } from './SyncIndicator';
export { SyncScreen } from './SyncScreen';

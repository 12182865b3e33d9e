export { SyncIndicator } from './SyncIndicator';
export { SyncScreen } from './SyncScreen';
export { refreshSync } from './queries';

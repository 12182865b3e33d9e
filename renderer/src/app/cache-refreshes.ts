import { refreshAppInfo, type CacheRefresh } from '../lib/backend';
import { refreshCertificates } from '../features/certificates';
import { refreshApplications } from '../features/registration';
import { refreshSocieties } from '../features/societies';
import { refreshStatusOrders } from '../features/status-orders';
import { refreshSync } from '../features/sync';

/** Every domain's rule for keeping its cached data fresh on backend events. */
export const cacheRefreshes: readonly CacheRefresh[] = [
  refreshAppInfo,
  refreshSocieties,
  refreshCertificates,
  refreshApplications,
  refreshStatusOrders,
  refreshSync,
];

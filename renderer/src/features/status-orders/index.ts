export { ApprovalsScreen } from './ApprovalsScreen';
export { ProposeStatusModal } from './ProposeStatusModal';
export { refreshStatusOrders, statusOrderKeys, useStatusOrders } from './queries';

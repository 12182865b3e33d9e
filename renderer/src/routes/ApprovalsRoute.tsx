import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApprovalsScreen } from '../features/status-orders';

export function ApprovalsRoute() {
  const { t } = useTranslation(['app', 'statusOrders']);
  useDocumentTitle(`${t('statusOrders:approvals.title')} · ${t('app.name')}`);
  return <ApprovalsScreen />;
}

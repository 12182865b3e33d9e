import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SyncScreen } from '../features/sync';

export function SyncRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('sync.title')} · ${t('app.name')}`);
  return <SyncScreen />;
}

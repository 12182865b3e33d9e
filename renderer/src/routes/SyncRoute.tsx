import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SyncScreen } from '../features/sync';

export function SyncRoute() {
  const { t } = useTranslation(['app', 'sync']);
  useDocumentTitle(`${t('sync:sync.title')} · ${t('app.name')}`);
  return <SyncScreen />;
}

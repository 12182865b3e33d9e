import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ChangesScreen } from '../features/changes';

export function ChangesRoute() {
  const { t } = useTranslation(['app', 'changes']);
  useDocumentTitle(`${t('changes:changes.title')} · ${t('app.name')}`);
  return <ChangesScreen />;
}

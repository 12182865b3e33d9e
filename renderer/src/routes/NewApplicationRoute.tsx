import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NewApplicationScreen } from '../features/registration';

export function NewApplicationRoute() {
  const { t } = useTranslation(['app', 'registration']);
  useDocumentTitle(`${t('registration:applicationForm.title')} · ${t('app.name')}`);
  return <NewApplicationScreen />;
}

import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApplicationsScreen } from '../features/registration';

export function ApplicationsRoute() {
  const { t } = useTranslation(['app', 'registration']);
  useDocumentTitle(`${t('registration:applications.title')} · ${t('app.name')}`);
  return <ApplicationsScreen />;
}

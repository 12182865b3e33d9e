import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NameReservationsScreen } from '../features/registration';

export function NameReservationsRoute() {
  const { t } = useTranslation(['app', 'registration']);
  useDocumentTitle(`${t('registration:names.title')} · ${t('app.name')}`);
  return <NameReservationsScreen />;
}

import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AddSocietyScreen } from '../features/societies';

export function NewSocietyRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('register.add')} · ${t('app.name')}`);
  return <AddSocietyScreen />;
}

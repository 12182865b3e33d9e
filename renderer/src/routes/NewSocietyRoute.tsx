import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AddSocietyScreen } from '../features/societies';

export function NewSocietyRoute() {
  const { t } = useTranslation(['app', 'societies']);
  useDocumentTitle(`${t('societies:register.add')} · ${t('app.name')}`);
  return <AddSocietyScreen />;
}

import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { UsersScreen } from '../features/auth';

export function UsersRoute() {
  const { t } = useTranslation(['app', 'auth']);
  useDocumentTitle(`${t('auth:users.title')} · ${t('app.name')}`);
  return <UsersScreen />;
}

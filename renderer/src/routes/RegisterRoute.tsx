import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SocietyRegister } from '../features/society-register';

export function RegisterRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('register.title')} · ${t('app.name')}`);
  return <SocietyRegister />;
}

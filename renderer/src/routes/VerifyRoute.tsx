import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { VerifyScreen } from '../features/certificates';

export function VerifyRoute() {
  const { t } = useTranslation(['app', 'certificates']);
  useDocumentTitle(`${t('certificates:verify.title')} · ${t('app.name')}`);
  return <VerifyScreen />;
}

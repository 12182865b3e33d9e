import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CertificateRegisterScreen } from '../features/certificates';

export function CertificatesRoute() {
  const { t } = useTranslation(['app', 'certificates']);
  useDocumentTitle(`${t('certificates:certificates.title')} · ${t('app.name')}`);
  return <CertificateRegisterScreen />;
}

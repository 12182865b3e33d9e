import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ReferenceDataScreen } from '../features/reference';

export function ReferenceDataRoute() {
  const { t } = useTranslation(['app', 'reference']);
  useDocumentTitle(`${t('reference:reference.title')} · ${t('app.name')}`);
  return <ReferenceDataScreen />;
}

import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SocietyDetailScreen } from '../features/societies';

export function SocietyDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('app.name'));
  return <SocietyDetailScreen key={id} id={id} />;
}

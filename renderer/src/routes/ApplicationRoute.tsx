import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApplicationScreen } from '../features/registration';

export function ApplicationRoute() {
  const { t } = useTranslation(['app', 'registration']);
  const { id = '' } = useParams();
  useDocumentTitle(`${t('registration:applications.title')} · ${t('app.name')}`);
  return <ApplicationScreen key={id} id={id} />;
}

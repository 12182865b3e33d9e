import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RefusalOrder } from '../features/registration';

export function RefusalOrderRoute() {
  const { t } = useTranslation(['app', 'registration']);
  const { id = '' } = useParams();
  useDocumentTitle(`${t('registration:refusal.title')} · ${t('app.name')}`);
  return <RefusalOrder key={id} id={id} />;
}

import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EditSocietyScreen } from '../features/societies';

export function EditSocietyRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(`${t('common.edit')} · ${t('app.name')}`);
  return <EditSocietyScreen key={id} id={id} />;
}

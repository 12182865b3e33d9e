import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DeficiencyLetter } from '../features/registration';

export function DeficiencyLetterRoute() {
  const { t } = useTranslation(['app', 'registration']);
  const { id = '', letterId = '' } = useParams();
  useDocumentTitle(`${t('registration:deficiencyLetter.title')} · ${t('app.name')}`);
  return <DeficiencyLetter key={letterId} id={id} letterId={letterId} />;
}

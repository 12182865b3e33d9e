import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DeficiencyLetter } from '../features/registration';

export function DeficiencyLetterRoute() {
  const { t } = useTranslation();
  const { id = '', letterId = '' } = useParams();
  useDocumentTitle(`${t('deficiencyLetter.title')} · ${t('app.name')}`);
  return <DeficiencyLetter key={letterId} id={id} letterId={letterId} />;
}

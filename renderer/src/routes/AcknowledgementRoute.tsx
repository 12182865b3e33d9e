import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AcknowledgementSlip } from '../features/registration';

export function AcknowledgementRoute() {
  const { t } = useTranslation(['app', 'registration']);
  const { id = '' } = useParams();
  useDocumentTitle(`${t('registration:slip.title')} · ${t('app.name')}`);
  return <AcknowledgementSlip key={id} id={id} />;
}

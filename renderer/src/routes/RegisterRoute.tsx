import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DueSoonCard } from '../features/registration';
import { SocietyRegister } from '../features/societies';
import { useCan } from '../lib/session';

export function RegisterRoute() {
  const { t } = useTranslation(['app', 'societies']);
  useDocumentTitle(`${t('societies:register.title')} · ${t('app.name')}`);
  // Those who receive and decide applications see the ones due soon on the home screen.
  const handlesApplications = useCan('applications.receive');
  return <SocietyRegister top={handlesApplications ? <DueSoonCard /> : null} />;
}

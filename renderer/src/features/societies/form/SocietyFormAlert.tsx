import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SocietyFormBanner } from './use-society-form';

/** Above the form: someone else saved the record first (with Reload), or why it was refused. */
export function SocietyFormAlert({
  banner,
  onReload,
}: {
  banner: SocietyFormBanner;
  onReload: (() => void) | undefined;
}) {
  const { t } = useTranslation('societies');
  return (
    <>
      {banner?.kind === 'conflict' ? (
        <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
          <Text size="sm">{t('form.conflictBody')}</Text>
          {onReload ? (
            <Button mt="sm" size="xs" color="orange" onClick={onReload}>
              {t('form.conflictReload')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {banner?.kind === 'refused' ? (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{t('form.serverRefused', { message: banner.message })}</Text>
        </Alert>
      ) : null}
    </>
  );
}

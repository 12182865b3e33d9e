import { Button, Kbd } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ArrowLeftIcon } from '../../components/icons';

/** Back to the applications list; Esc does the same. */
export function ApplicationBackButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <Button
      variant="default"
      leftSection={<ArrowLeftIcon />}
      rightSection={<Kbd size="xs">Esc</Kbd>}
      onClick={onClick}
      aria-keyshortcuts="Escape"
    >
      {t('application.back')}
    </Button>
  );
}

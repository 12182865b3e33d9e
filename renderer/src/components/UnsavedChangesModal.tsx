import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';

/**
 * Asked when the clerk leaves a form with changes not saved: keep editing (the default,
 * focused, so Enter never loses work) or discard them and go.
 */
export function UnsavedChangesModal({ blocker, body }: { blocker: Blocker; body?: string }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('unsaved.title')}
      centered
    >
      <Text size="sm">{body ?? t('unsaved.body')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('unsaved.keepEditing')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('unsaved.discard')}
        </Button>
      </Group>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal holding one form: a title, the reason it was refused on top, the fields, and
 * Cancel / the submit button at the bottom. Enter submits, and Ctrl+Enter from a note.
 */
export function FormModal({
  title,
  onClose,
  children,
  onSubmit,
  banner,
  submitLabel,
  submitting,
  color,
  size = 'lg',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  onSubmit: () => void;
  banner: string | null;
  submitLabel: string;
  submitting: boolean;
  color?: string;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        onKeyDown={(event) => {
          // Ctrl+Enter sends from inside a note.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmit();
          }
        }}
      >
        <Stack gap="sm">
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} color={color}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

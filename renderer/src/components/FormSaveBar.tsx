import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The bar pinned to the window's foot under a long form: Save, Cancel, the keys, and how
 * many fields are left to fix. Fixed, so Save is in reach at 1366 × 768 wherever the clerk
 * has scrolled to. It sits inside the form: Save submits it.
 */
export function FormSaveBar({
  saveLabel,
  keyboardHint,
  errorCount,
  submitted,
  isSubmitting,
  onCancel,
}: {
  saveLabel: string;
  keyboardHint: string;
  /** How many fields need attention: counted on the bar once a save has been tried. */
  errorCount: number;
  submitted: boolean;
  isSubmitting: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="sm"
      px="md"
      py="sm"
      radius={0}
      style={{
        position: 'fixed',
        left: 'var(--app-shell-navbar-offset, 0px)',
        right: 0,
        bottom: 'var(--app-shell-footer-offset, 0px)',
        zIndex: 50,
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Button type="submit" loading={isSubmitting} aria-keyshortcuts="Enter">
            {saveLabel}
          </Button>
          <Button variant="default" onClick={onCancel} aria-keyshortcuts="Escape">
            {t('common.cancel')}
          </Button>
          <Text size="xs" c="dimmed">
            {keyboardHint}
          </Text>
        </Group>
        {submitted && errorCount > 0 ? (
          <Text size="sm" c="red.8" fw={500} role="alert">
            {t('saveBar.errorsBanner', { count: errorCount })}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}

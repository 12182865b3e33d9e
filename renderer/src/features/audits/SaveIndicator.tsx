import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { instantText } from '../../lib/format';
import type { SaveState } from './use-report-draft';

/** Whether what the auditor typed is saved, being saved, or cannot be (and why). */
export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation(['audits', 'societies']);
  switch (state.kind) {
    case 'saved':
      return (
        <Text size="sm" c="dimmed">
          {state.at
            ? t('audits.form.savedAt', { at: instantText(state.at) })
            : t('audits.form.upToDate')}
        </Text>
      );
    case 'dirty':
      return (
        <Text size="sm" c="dimmed">
          {t('audits.form.unsaved')}
        </Text>
      );
    case 'saving':
      return (
        <Text size="sm" c="dimmed">
          {t('audits.form.saving')}
        </Text>
      );
    case 'invalid':
      return (
        <Text size="sm" c="orange.8" role="status">
          {t('audits.form.fixToSave')}
        </Text>
      );
    case 'failed':
      return (
        <Text size="sm" c="red.8" role="alert">
          {t('audits.form.saveFailed', { message: state.message })}
        </Text>
      );
  }
}

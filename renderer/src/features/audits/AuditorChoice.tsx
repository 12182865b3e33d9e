import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditorKind } from '#shared/audits/audits';
import { useAuditors } from './queries';

/** Which auditor, departmental or from the panel: for giving audits and for reassigning one. */
export function AuditorChoice({
  auditorId,
  onAuditor,
  kind,
  onKind,
}: {
  auditorId: string | null;
  onAuditor: (id: string | null) => void;
  kind: AuditorKind;
  onKind: (kind: AuditorKind) => void;
}) {
  const { t } = useTranslation(['audits', 'auth', 'registration']);
  const auditors = useAuditors();
  return (
    <>
      <Select
        label={t('audits.auditor')}
        placeholder={auditors.isPending ? t('common.loading') : undefined}
        data={(auditors.data ?? []).map((auditor) => ({
          value: auditor.id,
          label: `${auditor.fullName} (${auditor.officeName})`,
        }))}
        value={auditorId}
        onChange={onAuditor}
        searchable
        withAsterisk
        data-autofocus
        nothingFoundMessage={t('audits.noAuditors')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('audits.auditorKind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => onKind(value as AuditorKind)}
          data={[
            { value: 'departmental', label: t('audits.kind.departmental') },
            { value: 'panel', label: t('audits.kind.panel') },
          ]}
        />
      </Stack>
    </>
  );
}

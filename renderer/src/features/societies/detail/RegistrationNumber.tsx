import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SocietyDetail } from '#shared/societies/contract';

/**
 * A society's registration number; one given offline while this computer had no numbers
 * from the state server left is marked provisional until the next sync replaces it.
 */
export function RegistrationNumber({
  society,
  c,
}: {
  society: Pick<SocietyDetail, 'regNo' | 'regNoProvisional'>;
  c?: string;
}) {
  const { t } = useTranslation('societies');
  return (
    // Where the column is narrow the badge goes under the number, never cut short.
    <Group gap={6} component="span">
      <Text span size="sm" ff="monospace" {...(c ? { c } : {})}>
        {society.regNo}
      </Text>
      {society.regNoProvisional ? (
        // The reason as the badge's own title: shown on hover and read out with it.
        <Badge
          color="orange"
          variant="light"
          size="sm"
          title={t('detail.provisionalHint')}
          style={{ flexShrink: 0 }}
        >
          {t('detail.provisional')}
        </Badge>
      ) : null}
    </Group>
  );
}

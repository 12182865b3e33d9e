import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SocietyDetail } from '../../../../shared/ipc/contract';

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
  const { t } = useTranslation();
  return (
    // Where the column is narrow the badge goes under the number, never cut short.
    <Group gap={6} component="span">
      <Text span size="sm" ff="monospace" {...(c ? { c } : {})}>
        {society.regNo}
      </Text>
      {society.regNoProvisional ? (
        <Tooltip label={t('detail.provisionalHint')} multiline w={320} withArrow>
          <Badge color="orange" variant="light" size="sm" tabIndex={0} style={{ flexShrink: 0 }}>
            {t('detail.provisional')}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SocietyStatus } from '#shared/societies/society';

const statusColors: Record<SocietyStatus, MantineColor> = {
  registered: 'blue',
  functional: 'green',
  non_functional: 'yellow',
  under_liquidation: 'orange',
  deregistered: 'gray',
  merged: 'grape',
};

/** A society's status as a coloured label; the word, not the colour, carries the meaning. */
export function StatusBadge({
  status,
  size = 'md',
}: {
  status: SocietyStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation(['app', 'societies']);
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      // Never cut to "Non-fu…" in a narrow table column: the word is the meaning.
      styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}
    >
      {t(`societies:societyStatus.${status}`)}
    </Badge>
  );
}

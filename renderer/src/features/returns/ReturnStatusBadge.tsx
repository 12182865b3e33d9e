import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnStatus } from '#shared/returns/returns';

/** The colour of each status, on badges and on the register's count filters. */
export const returnStatusColors: Record<ReturnStatus, string> = {
  due: 'blue',
  overdue: 'red',
  filed: 'yellow',
  incomplete: 'orange',
  accepted: 'green',
};

/** A return's status in the register's words and colour. */
export function ReturnStatusBadge({
  status,
  size = 'sm',
}: {
  status: ReturnStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation('returns');
  return (
    <Badge color={returnStatusColors[status]} variant="light" radius="sm" tt="none" size={size}>
      {t(`returnStatus.${status}`)}
    </Badge>
  );
}

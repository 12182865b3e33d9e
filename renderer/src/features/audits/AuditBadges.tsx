import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditStatus, DefectStatus, Grade } from '#shared/audits/audits';

/** The colour of each stage of an audit, on badges and on the register's count filters. */
export const auditStatusColors: Record<AuditStatus, string> = {
  not_programmed: 'gray',
  planned: 'blue',
  in_field: 'cyan',
  submitted: 'yellow',
  returned: 'orange',
  accepted: 'green',
  overdue: 'red',
};

export function AuditStateBadge({
  status,
  size = 'sm',
}: {
  status: AuditStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation('audits');
  return (
    <Badge
      color={auditStatusColors[status]}
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      // A table column is as wide as its content's narrowest form: never an ellipsis.
      styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {t(`auditStatus.${status}`)}
    </Badge>
  );
}

const gradeColors: Record<Grade, string> = { A: 'green', B: 'teal', C: 'orange', D: 'red' };

/** The audit class, filled so it reads from across the desk. */
export function GradeBadge({ grade, size = 'md' }: { grade: Grade; size?: BadgeProps['size'] }) {
  const { t } = useTranslation('audits');
  return (
    <Badge color={gradeColors[grade]} variant="filled" radius="sm" tt="none" size={size}>
      {t('audits.gradeClass', { grade })}
    </Badge>
  );
}

const defectColors: Record<DefectStatus, string> = {
  open: 'red',
  replied: 'yellow',
  not_accepted: 'orange',
  rectified: 'green',
};

export function DefectStatusBadge({ status }: { status: DefectStatus }) {
  const { t } = useTranslation('audits');
  return (
    <Badge color={defectColors[status]} variant="light" radius="sm" tt="none" size="sm">
      {t(`defectStatus.${status}`)}
    </Badge>
  );
}

import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationRow } from '#shared/registration/contract';

export type Clock = NonNullable<ApplicationRow['clock']>;

/** Days left at or below which an application is "due soon". */
export const DUE_SOON_DAYS = 15;

export type ClockTone = 'running' | 'soon' | 'overdue' | 'stopped';

/** How urgent the statutory clock is: stopped (waiting for a reply), overdue, due soon, or running. */
export function clockTone(clock: Clock): ClockTone {
  if (clock.paused) return 'stopped';
  if (clock.daysLeft < 0) return 'overdue';
  if (clock.daysLeft <= DUE_SOON_DAYS) return 'soon';
  return 'running';
}

const toneColors: Record<ClockTone, MantineColor> = {
  running: 'gray',
  soon: 'orange',
  overdue: 'red',
  stopped: 'gray',
};

/** Open applications whose running clock is due within 15 days or past it. */
export function dueCounts(rows: readonly ApplicationRow[]): { soon: number; overdue: number } {
  let soon = 0;
  let overdue = 0;
  for (const row of rows) {
    if (!row.open || !row.clock) continue;
    const tone = clockTone(row.clock);
    if (tone === 'soon') soon += 1;
    if (tone === 'overdue') overdue += 1;
  }
  return { soon, overdue };
}

export function isDueSoonOrOverdue(row: ApplicationRow): boolean {
  if (!row.open || !row.clock) return false;
  const tone = clockTone(row.clock);
  return tone === 'soon' || tone === 'overdue';
}

/** "12 days left" (orange when 15 or fewer), "3 days overdue" in red, or "Clock stopped" in grey. */
export function ClockBadge({
  clock,
  size = 'md',
}: {
  clock: Clock | null;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation('registration');
  if (!clock) {
    return (
      <Badge color="gray" variant="outline" size={size} radius="sm" tt="none" fw={500}>
        {t('clock.closed')}
      </Badge>
    );
  }
  const tone = clockTone(clock);
  const text =
    tone === 'stopped'
      ? t('clock.stopped')
      : tone === 'overdue'
        ? t('clock.overdue', { count: -clock.daysLeft })
        : clock.daysLeft === 0
          ? t('clock.dueToday')
          : t('clock.left', { count: clock.daysLeft });
  return (
    <Badge
      color={toneColors[tone]}
      variant={tone === 'running' ? 'light' : tone === 'stopped' ? 'outline' : 'filled'}
      size={size}
      radius="sm"
      tt="none"
      data-tone={tone}
      title={tone === 'stopped' ? t('clock.stoppedHint') : undefined}
      styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}
    >
      {text}
    </Badge>
  );
}

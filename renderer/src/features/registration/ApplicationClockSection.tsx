import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '#shared/registration/contract';
import { Section } from '../../components/Section';
import { dateText } from '../../lib/format';
import { ClockBadge } from './clock';

/** The statutory clock of an open application: days left, and whether it is stopped. */
export function ApplicationClockSection({ clock }: { clock: ApplicationDetail['clock'] }) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <Section title={t('application.section.clock')} id="sec-clock">
      <Stack gap={6}>
        <Group gap="sm">
          <ClockBadge clock={clock} size="lg" />
          {clock?.paused ? (
            <Text size="sm" c="dimmed">
              {t('clock.stoppedHint')}
            </Text>
          ) : null}
        </Group>
        {clock ? (
          <Text size="sm" c="dark.5">
            {t('clock.summary', {
              elapsed: t('clock.daysCounted', { count: clock.daysElapsed }),
              paused: t('clock.daysPaused', { count: clock.daysPaused }),
              due: dateText(clock.dueOn),
            })}
          </Text>
        ) : null}
      </Stack>
    </Section>
  );
}

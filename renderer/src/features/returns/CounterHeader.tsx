import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnDetail } from '#shared/returns/contract';

/** The counter's own bar: that it is counter mode, the society and year, and Hand back. */
export function CounterHeader({
  detail,
  onHandBack,
}: {
  detail: ReturnDetail | undefined;
  onHandBack: () => void;
}) {
  const { t } = useTranslation('returns');
  return (
    <Paper component="header" radius={0} px="lg" py="sm" bg="teal.8" c="white" data-print="hide">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Badge color="white" c="teal.9" variant="filled" radius="sm" size="lg" tt="none">
            {t('counter.mode')}
          </Badge>
          <Stack gap={0}>
            <Text fw={700} size="lg" lh={1.2}>
              {detail?.societyName ?? ''}
            </Text>
            <Text size="sm" c="teal.0">
              {detail ? `${t('counter.title', { fy: detail.fy })} · ${detail.regNo}` : ''}
            </Text>
          </Stack>
        </Group>
        <Button variant="white" color="teal.9" onClick={onHandBack}>
          {t('counter.handBack')}
        </Button>
      </Group>
    </Paper>
  );
}

import { Box, Button, Divider, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Office } from '#shared/reference/contract';
import { ArrowLeftIcon } from './icons';
import { LetterheadMark } from './Letterhead';
import { useScreenShortcuts } from '../lib/screen-shortcuts';

/** The registrar's signature block at the foot of a letter or order. */
export function SignatureBlock({ name, office }: { name: string; office: string }) {
  return (
    <Group justify="flex-end" mt={56}>
      <Text
        size="xs"
        c="dark.4"
        pt={4}
        ta="right"
        style={{ borderTop: '1px solid #555', width: 260 }}
      >
        {name}
        <br />
        {office}
      </Text>
    </Group>
  );
}

/**
 * A document printed from a screen (acknowledgement slip, refusal order): the office's
 * letterhead, the body, and above it a toolbar that is never printed.
 */
export function PrintableDocument({
  stateName,
  office,
  title,
  backTo,
  backLabel,
  notice,
  children,
  testId,
}: {
  stateName: string;
  office: Office | undefined;
  title: string;
  backTo: string;
  backLabel: string;
  notice?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation(['app', 'registration']);
  const navigate = useNavigate();
  useScreenShortcuts([
    { keys: 'Escape', hint: t('status.escBack'), run: () => void navigate(backTo) },
  ]);
  return (
    <Stack gap="md" maw={820} pb="xl">
      <Stack gap="sm" data-print="hide">
        {notice}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<ArrowLeftIcon />}
            rightSection={<Kbd size="xs">Esc</Kbd>}
            onClick={() => void navigate(backTo)}
          >
            {backLabel}
          </Button>
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              {t('registration:slip.printHint')}
            </Text>
            <Button autoFocus onClick={() => window.print()}>
              {t('registration:slip.print')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <PrintableSheet stateName={stateName} office={office} title={title} testId={testId}>
        {children}
      </PrintableSheet>
    </Stack>
  );
}

/** Label and value in two aligned columns, as on a printed form. */
export function DocumentRows({ rows }: { rows: Array<{ label: string; value: ReactNode }> }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: '220px 1fr', rowGap: 8, columnGap: 16 }}
    >
      {rows.map((row) => (
        <Box key={row.label} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dark.4">
            {row.label}
          </Text>
          <Text component="dd" size="sm" fw={600} m={0}>
            {row.value}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

/**
 * The printed page itself: the office's letterhead, the title and the body. Printed alone
 * (print.css); used by PrintableDocument and by the counter, which has no screens to go
 * back to.
 */
export function PrintableSheet({
  stateName,
  office,
  title,
  children,
  testId,
}: {
  stateName: string;
  office: Office | undefined;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation(['app', 'registration']);
  return (
    <Paper
      withBorder
      radius="sm"
      p={40}
      bg="white"
      shadow="xs"
      data-print="document"
      data-testid={testId}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <LetterheadMark kind="emblem" />
        <Stack gap={2} align="center" ta="center" style={{ flex: 1 }}>
          <Text size="sm" fw={600} tt="uppercase" lts={1}>
            {t('registration:slip.government', { state: stateName })}
          </Text>
          <Text size="md" fw={700}>
            {office?.name ?? ''}
          </Text>
          <Text size="sm" c="dark.5">
            {office?.address ?? ''}
          </Text>
        </Stack>
        <LetterheadMark kind="logo" />
      </Group>
      <Divider my="md" color="dark.3" />
      <Title order={1} size="h4" ta="center" tt="uppercase" mb="lg" lts={0.5}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

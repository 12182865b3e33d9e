import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../lib/backend';

/** The card the sign-in screens sit on: the registry's name above, the form inside. */
export function AuthFrame({
  title,
  intro,
  children,
  width = 440,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation('auth');
  const info = useAppInfo();
  return (
    <Center mih="100dvh" bg="gray.1" p="md" component="main">
      <Stack gap="md" w={width} maw="100%">
        <Group gap="sm" wrap="nowrap" justify="center">
          <Box
            aria-hidden
            w={40}
            h={40}
            bg="indigo.8"
            c="white"
            style={{
              borderRadius: '50%',
              display: 'grid',
              placeItems: 'center',
              fontWeight: 700,
              fontSize: 14,
              flexShrink: 0,
            }}
          >
            RCS
          </Box>
          <Stack gap={0}>
            <Text fw={650} size="lg" lh={1.2} c="indigo.9">
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.office')}
              {info.data ? ` · ${t('app.stateOf', { state: info.data.stateName })}` : ''}
            </Text>
          </Stack>
        </Group>
        <Paper withBorder radius="md" p="xl" shadow="sm">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} size="h3">
                {title}
              </Title>
              {intro ? (
                <Text size="sm" c="dimmed">
                  {intro}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Letterhead, LetterheadImage, LetterheadImageKind } from '#shared/reference/contract';
import { ErrorState } from '../../components/ErrorState';
import { useRequest } from '../../lib/backend';
import { fileSizeText, instantText } from '../../lib/format';
import { useCan } from '../../lib/session';
import { referenceKeys, useLetterhead } from './queries';

/** The file types offered in the file dialog; the backend checks the bytes themselves. */
const ACCEPT = 'image/png,image/jpeg';

/**
 * The state emblem and the department logo every certificate and letter prints at its
 * head: shown to all, set, replaced and removed by the administrator.
 */
export function LetterheadPanel() {
  const { t } = useTranslation('reference');
  const letterhead = useLetterhead();
  if (letterhead.isError) {
    return (
      <ErrorState
        title={t('reference.loadError')}
        error={letterhead.error}
        onRetry={() => void letterhead.refetch()}
      />
    );
  }
  if (letterhead.isPending) return <Skeleton height={260} />;
  const { limits } = letterhead.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t('reference.letterhead.intro', {
          maxKb: Math.floor(limits.maxBytes / 1024),
          minPixels: limits.minPixels,
          maxPixels: limits.maxPixels,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={960}>
        <ImageCard kind="state_emblem" image={letterhead.data.stateEmblem} />
        <ImageCard kind="department_logo" image={letterhead.data.departmentLogo} />
      </SimpleGrid>
    </Stack>
  );
}

function ImageCard({ kind, image }: { kind: LetterheadImageKind; image: LetterheadImage | null }) {
  const { t } = useTranslation('reference');
  const canEdit = useCan('reference.setLetterheadImage');
  const queryClient = useQueryClient();
  const [readError, setReadError] = useState<string | null>(null);
  // Cleared after each choice, so the same file, saved again under its name, can be chosen.
  const resetFile = useRef<() => void>(null);
  const refresh = (letterhead: Letterhead) =>
    queryClient.setQueryData(referenceKeys.letterhead(), letterhead);
  const set = useRequest('reference.setLetterheadImage', refresh);
  const remove = useRequest('reference.removeLetterheadImage', refresh);
  const name = t(`reference.letterhead.${kind}.name`);
  const titleId = `letterhead-${kind}-title`;

  const choose = (file: File | null) => {
    if (!file) return;
    setReadError(null);
    remove.reset();
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      set.mutate({ kind, contentBase64: url.slice(url.indexOf(',') + 1) });
      resetFile.current?.();
    };
    reader.onerror = () => setReadError(t('reference.letterhead.readError'));
    reader.readAsDataURL(file);
  };
  const error = readError ?? set.error?.message ?? remove.error?.message ?? null;

  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby={titleId} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h5" id={titleId}>
              {name}
            </Title>
            <Text size="xs" c="dimmed">
              {t(`reference.letterhead.${kind}.where`)}
            </Text>
          </Stack>
          {image ? (
            <Badge variant="light" color="teal" tt="none">
              {t('reference.letterhead.set')}
            </Badge>
          ) : (
            <Badge variant="light" color="orange" tt="none">
              {t('reference.letterhead.notSetBadge')}
            </Badge>
          )}
        </Group>
        <Box
          h={180}
          bg="gray.0"
          style={{
            borderRadius: 8,
            border: '1px solid var(--mantine-color-gray-3)',
            display: 'grid',
            placeItems: 'center',
          }}
        >
          {image ? (
            <Image
              src={image.dataUrl}
              alt={t('reference.letterhead.previewAlt', { name })}
              h={150}
              w="auto"
              fit="contain"
            />
          ) : (
            <Text size="sm" c="dimmed" ta="center" px="md" data-testid={`${kind}-not-set`}>
              {t(`reference.letterhead.${kind}.notSet`)}
            </Text>
          )}
        </Box>
        {image ? (
          <Text size="xs" c="dimmed">
            {t('reference.letterhead.details', {
              type: image.mimeType === 'image/png' ? 'PNG' : 'JPEG',
              width: image.width,
              height: image.height,
              size: fileSizeText(image.size),
              by: image.setBy,
              on: instantText(image.setAt),
            })}
          </Text>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" role="alert" title={t('reference.letterhead.refused')}>
            {error}
          </Alert>
        ) : null}
        {canEdit ? (
          <Group gap="sm">
            <FileButton onChange={choose} accept={ACCEPT} resetRef={resetFile}>
              {(props) => (
                <Button {...props} loading={set.isPending} disabled={remove.isPending}>
                  {image
                    ? t('reference.letterhead.replace')
                    : t('reference.letterhead.upload', { name })}
                </Button>
              )}
            </FileButton>
            {image ? (
              <Button
                variant="default"
                color="red"
                loading={remove.isPending}
                disabled={set.isPending}
                onClick={() => {
                  set.reset();
                  remove.mutate({ kind });
                }}
              >
                {t('reference.letterhead.remove')}
              </Button>
            ) : null}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('reference.letterhead.adminOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

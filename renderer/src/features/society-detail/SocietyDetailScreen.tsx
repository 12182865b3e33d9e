import { Alert, Button, Group, Kbd, Skeleton, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { ArrowLeftIcon, PencilIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { isBackendError, useSociety } from '../../lib/backend';
import { paths, registerReturn } from '../../lib/paths';
import { SocietyDetailView } from './SocietyDetailView';

/** Location state a form leaves after saving, so this page can confirm it. */
export interface SavedState {
  saved?: 'created' | 'updated';
}

export function SocietyDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const society = useSociety(id);
  const saved = (location.state as SavedState | null)?.saved;
  const [showSaved, setShowSaved] = useState(Boolean(saved));

  const back = () => {
    const target = registerReturn(location.state, id);
    void navigate(target.to, { state: target.state });
  };
  const edit = () => void navigate(paths.editSociety(id), { state: location.state });

  useHotkeys([['Escape', back]]);
  useHotkeys([['alt+E', edit]], []);

  const backButton = (
    <Button
      variant="default"
      leftSection={<ArrowLeftIcon />}
      rightSection={<Kbd size="xs">Esc</Kbd>}
      onClick={back}
      aria-keyshortcuts="Escape"
    >
      {t('common.back')}
    </Button>
  );

  if (society.isPending) {
    return (
      <Stack gap="md" aria-busy>
        <Skeleton height={34} width="50%" />
        <Skeleton height={16} width="30%" />
        <Group grow align="flex-start">
          <Skeleton height={220} />
          <Skeleton height={220} />
        </Group>
        <Skeleton height={160} />
      </Stack>
    );
  }

  if (society.isError) {
    const notFound = isBackendError(society.error) && society.error.code === 'not_found';
    return (
      <Stack gap="md" maw={760}>
        {notFound ? (
          <Alert color="yellow" variant="light" title={t('detail.notFoundTitle')} role="alert">
            <Text size="sm">{t('detail.notFoundBody')}</Text>
          </Alert>
        ) : (
          <ErrorState
            title={t('detail.loadError')}
            error={society.error}
            onRetry={() => void society.refetch()}
          />
        )}
        <Group>{backButton}</Group>
      </Stack>
    );
  }

  const data = society.data;
  return (
    <Stack gap="md" pb="xl" maw={1480}>
      <PageHeader
        title={data.name}
        badge={<StatusBadge status={data.status} />}
        subtitle={
          <Group gap="md">
            {data.nameMizo ? (
              <Text size="sm" c="dark.4" fs="italic">
                {data.nameMizo}
              </Text>
            ) : null}
            <Text size="sm" ff="monospace" c="dark.5">
              {data.regNo}
            </Text>
            <Text size="sm" c="dimmed">
              {data.typeName} · {data.districtName}
            </Text>
          </Group>
        }
        actions={
          <>
            {backButton}
            <Button
              leftSection={<PencilIcon />}
              rightSection={
                <Kbd size="xs" c="indigo.9">
                  Alt E
                </Kbd>
              }
              onClick={edit}
              aria-keyshortcuts="Alt+E"
            >
              {t('common.edit')}
            </Button>
          </>
        }
      />
      {showSaved && saved ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setShowSaved(false)}
          title={saved === 'created' ? t('detail.savedCreated') : t('detail.savedUpdated')}
        />
      ) : null}
      <SocietyDetailView society={data} />
    </Stack>
  );
}

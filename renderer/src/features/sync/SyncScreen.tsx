import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FieldList } from '../../components/FieldList';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { usePresentedFile, useRequest } from '../../lib/backend';
import { agoText, instantText } from '../../lib/format';
import { useCan } from '../../lib/session';
import { EnrolForm } from './EnrolForm';
import { SyncIssues } from './SyncIssues';
import { storeSyncStatus, syncKeys, useSyncStatus } from './queries';

/** Sync with the state server: the connection, what waits, what went wrong, and the inbox. */
export function SyncScreen() {
  const { t } = useTranslation('sync');
  const queryClient = useQueryClient();
  const status = useSyncStatus();
  const canEnrol = useCan('sync.enrol');
  const canSeeIssues = useCan('sync.issues');
  const syncNow = useRequest('sync.now', (next) => {
    storeSyncStatus(queryClient, next);
    void queryClient.invalidateQueries({ queryKey: syncKeys.issues() });
  });
  const canExport = useCan('sync.exportPending');
  const exportFile = usePresentedFile('sync.exportPending');
  const data = status.data;
  const running = syncNow.isPending || data?.running === true;
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('sync.title')}
        subtitle={
          data?.enrolled && data.serverUrl
            ? t('sync.serverLine', { url: data.serverUrl })
            : t('sync.notEnrolled')
        }
        actions={
          data?.enrolled ? (
            <>
              {canExport && data.pending > 0 ? (
                <Button
                  variant="default"
                  loading={exportFile.isPending}
                  onClick={() => exportFile.mutate({})}
                  title={t('sync.exportHint')}
                >
                  {t('sync.export')}
                </Button>
              ) : null}
              <Button loading={running} onClick={() => syncNow.mutate({})}>
                {running ? t('sync.syncing') : t('sync.syncNow')}
              </Button>
            </>
          ) : null
        }
      />
      {exportFile.data ? (
        <Alert color="green" variant="light" role="status">
          {t('sync.exported', { count: exportFile.data.count, file: exportFile.data.fileName })}
        </Alert>
      ) : null}
      {exportFile.error ? (
        <Alert color="red" variant="light" role="alert">
          {exportFile.error.message}
        </Alert>
      ) : null}
      {data?.mustReenrol ? (
        <Alert color="orange" variant="light" role="alert">
          {t('sync.reenrol')}
        </Alert>
      ) : null}
      {data?.problem ? (
        <Alert color="red" variant="light" role="alert" title={t('sync.problem')}>
          {data.problem}
        </Alert>
      ) : null}
      {data ? (
        <Section title={t('sync.status')} id="sync-status-title">
          <FieldList
            labelWidth={220}
            items={[
              {
                label: t('sync.connection'),
                value: !data.enrolled
                  ? t('sync.indicator.off')
                  : data.online === null
                    ? t('sync.notTried')
                    : data.online
                      ? t('sync.online')
                      : t('sync.offline'),
              },
              ...(data.enrolled
                ? [
                    {
                      label: t('sync.holds'),
                      value: data.fieldLaptopOf
                        ? t('sync.holdsField', { name: data.fieldLaptopOf })
                        : t('sync.holdsOffice'),
                    },
                  ]
                : []),
              {
                label: t('sync.lastSync'),
                value: data.lastSyncAt
                  ? `${instantText(data.lastSyncAt)} (${agoText(data.lastSyncAt)})`
                  : t('sync.never'),
              },
              {
                label: t('sync.pending'),
                value:
                  data.pending > 0 && data.oldestPendingAt
                    ? t('sync.pendingValue', {
                        count: data.pending,
                        since: instantText(data.oldestPendingAt),
                      })
                    : t('sync.nonePending'),
              },
              { label: t('sync.issues'), value: String(data.issues) },
            ]}
          />
        </Section>
      ) : null}
      {data && (!data.enrolled || data.mustReenrol) ? (
        canEnrol ? (
          <EnrolForm />
        ) : (
          <Text size="sm" c="dimmed">
            {t('sync.enrol.askAdministrator')}
          </Text>
        )
      ) : null}
      {canSeeIssues && data?.enrolled ? <SyncIssues /> : null}
    </Stack>
  );
}

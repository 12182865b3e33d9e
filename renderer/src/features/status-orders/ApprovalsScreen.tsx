import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { ListBody } from '../../components/ListBody';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../lib/session';
import { AwaitingApplications } from './AwaitingApplications';
import { AwaitingStatusOrders } from './AwaitingStatusOrders';
import { DecideModal, type Decision } from './DecideModal';
import { useReferenceData } from '../reference';
import { statusOrderKeys, useApplicationsAwaitingDecision, useStatusOrders } from './queries';
import { societyKeys } from '../societies';

interface Loadable<T> {
  data: readonly T[] | undefined;
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/** One kind of decision on the desk: its title and count, then its rows, or why not. */
function DeskSection<T>({
  id,
  title,
  query,
  loadError,
  empty,
  children,
}: {
  id: string;
  title: string;
  query: Loadable<T>;
  loadError: string;
  empty: string;
  children: (rows: readonly T[]) => ReactNode;
}) {
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby={id}>
      <Group gap="xs" px="md" pt="sm" pb={4} wrap="nowrap">
        <Title order={2} size="h5" id={id} c="dark.6">
          {title}
        </Title>
        {query.data && query.data.length > 0 ? (
          <Badge color="gray" variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {query.data.length}
          </Badge>
        ) : null}
      </Group>
      <ListBody
        query={query}
        loadError={loadError}
        empty={empty}
        isEmpty={query.data?.length === 0}
      >
        {() => children(query.data ?? [])}
      </ListBody>
    </Paper>
  );
}

/**
 * The registrar's desk: what waits for their decision in their jurisdiction. Applications
 * for registration first, fewest days left on the statutory clock first (each decided on its
 * own screen, after scrutiny), then proposed status orders, decided here.
 */
export function ApprovalsScreen() {
  const { t } = useTranslation(['statusOrders', 'societies']);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const applications = useApplicationsAwaitingDecision();
  const orders = useStatusOrders({ state: 'proposed' });
  const reference = useReferenceData();
  const [deciding, setDeciding] = useState<{ order: StatusOrderRow; decision: Decision } | null>(
    null,
  );
  const [done, setDone] = useState<string | null>(null);
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';

  const waiting = (applications.data?.length ?? 0) + (orders.data?.length ?? 0);
  const nothing = applications.data?.length === 0 && orders.data?.length === 0;

  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('approvals.title')}
        subtitle={
          stateOffice
            ? t('approvals.introState')
            : t('approvals.intro', { office: user.officeName })
        }
        badge={
          waiting > 0 ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('approvals.count', { count: waiting })}
            </Text>
          ) : null
        }
      />
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setDone(null)}
          title={done}
        />
      ) : null}
      {nothing ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap={4} align="center">
            <Text fw={600}>{t('approvals.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('approvals.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <>
          <DeskSection
            id="approvals-applications"
            title={t('approvals.applicationsTitle')}
            query={applications}
            loadError={t('approvals.applicationsLoadError')}
            empty={t('approvals.noApplications')}
          >
            {(rows) => <AwaitingApplications rows={rows} userId={user.id} />}
          </DeskSection>
          <DeskSection
            id="approvals-orders"
            title={t('approvals.ordersTitle')}
            query={orders}
            loadError={t('approvals.ordersLoadError')}
            empty={t('approvals.noOrders')}
          >
            {(rows) => (
              <AwaitingStatusOrders
                orders={rows}
                userId={user.id}
                onDecide={(order, decision) => setDeciding({ order, decision })}
              />
            )}
          </DeskSection>
        </>
      )}
      {deciding ? (
        <DecideModal
          order={deciding.order}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(decided) => {
            setDeciding(null);
            setDone(
              decided.state === 'approved'
                ? t('approvals.approved', {
                    society: decided.societyName,
                    status: t(`societies:societyStatus.${decided.toStatus}`).toLowerCase(),
                  })
                : t('approvals.rejected', { society: decided.societyName }),
            );
            void queryClient.invalidateQueries({ queryKey: statusOrderKeys.all() });
            void queryClient.invalidateQueries({ queryKey: societyKeys.one(decided.societyId) });
          }}
        />
      ) : null}
    </Stack>
  );
}

import { Alert, Button, Group, Kbd, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { ArrowLeftIcon, PencilIcon } from '../../../components/icons';
import { PageHeader } from '../../../components/PageHeader';
import { StatusBadge } from '../../../components/StatusBadge';
import { statusTransitions } from '#shared/status-orders/status-order';
import type { StatusOrderRow } from '#shared/status-orders/contract';
import { isBackendError } from '../../../lib/backend';
import { dateText, instantText } from '../../../lib/format';
import { paths, registerReturn } from '../../../lib/paths';
import { useCan } from '../../../lib/session';
import { CertificatesSection } from '../../certificates';
import { SocietyReturns } from '../../returns';
import { SocietyAudits } from '../../audits';
import { HistoryTab } from './HistoryTab';
import { ProposeStatusModal } from '../../status-orders';
import { RegistrationNumber } from './RegistrationNumber';
import { SocietyDetailView } from './SocietyDetailView';
import { useSociety } from '../queries';
import { useStatusOrders } from '../../status-orders';
import { useScreenShortcuts } from '../../../lib/screen-shortcuts';

/** Location state a form leaves after saving, so this page can confirm it. */
export interface SavedState {
  saved?: 'created' | 'updated';
}

export function SocietyDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation(['societies', 'statusOrders']);
  const navigate = useNavigate();
  const location = useLocation();
  const society = useSociety(id);
  const saved = (location.state as SavedState | null)?.saved;
  const [showSaved, setShowSaved] = useState(Boolean(saved));
  const [tab, setTab] = useState<string | null>('details');
  const [proposing, setProposing] = useState(false);
  const [proposed, setProposed] = useState(false);
  const canEdit = useCan('societies.update');
  const canPropose = useCan('statusOrders.propose');
  const pending = useStatusOrders({ societyId: id, state: 'proposed' });

  const back = () => {
    const target = registerReturn(location.state, id);
    void navigate(target.to, { state: target.state });
  };
  const edit = () => {
    if (canEdit) void navigate(paths.editSociety(id), { state: location.state });
  };

  // While the proposal form is open, Esc belongs to it.
  useScreenShortcuts([
    ...(canEdit
      ? [{ keys: 'alt+E', hint: t('detail.shortcutEdit'), run: edit, inFields: true }]
      : []),
    ...(proposing ? [] : [{ keys: 'Escape', hint: t('status.escBack'), run: back }]),
  ]);

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
  const pendingOrder = pending.data?.[0];
  const mayPropose =
    canPropose && statusTransitions[data.status].length > 0 && !pendingOrder && !pending.isPending;
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
            <RegistrationNumber society={data} c="dark.5" />
            <Text size="sm" c="dimmed">
              {data.typeName} · {data.districtName}
            </Text>
          </Group>
        }
        actions={
          <>
            {backButton}
            {mayPropose ? (
              <Button
                variant="light"
                onClick={() => {
                  setProposed(false);
                  setProposing(true);
                }}
              >
                {t('statusOrders:propose.button')}
              </Button>
            ) : null}
            {canEdit ? (
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
            ) : null}
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
      {proposed ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setProposed(false)}
          title={t('statusOrders:propose.sent', { office: data.officeName })}
        />
      ) : null}
      {pendingOrder ? <PendingOrderNotice order={pendingOrder} /> : null}
      {pending.isError ? (
        <ErrorState
          title={t('detail.ordersError')}
          error={pending.error}
          onRetry={() => void pending.refetch()}
        />
      ) : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="details" fw={500}>
            {t('detail.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="certificates" fw={500}>
            {t('detail.tabs.certificates')}
          </Tabs.Tab>
          <Tabs.Tab value="returns" fw={500}>
            {t('detail.tabs.returns')}
          </Tabs.Tab>
          <Tabs.Tab value="audits" fw={500}>
            {t('detail.tabs.audits')}
          </Tabs.Tab>
          <Tabs.Tab value="history" fw={500}>
            {t('detail.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <SocietyDetailView society={data} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates" pt="md">
          <CertificatesSection societyId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="returns" pt="md">
          <SocietyReturns societyId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="audits" pt="md">
          <SocietyAudits societyId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab societyId={data.id} />
        </Tabs.Panel>
      </Tabs>
      {proposing ? (
        <ProposeStatusModal
          society={data}
          onClose={() => setProposing(false)}
          onProposed={() => {
            setProposing(false);
            setProposed(true);
            void pending.refetch();
          }}
        />
      ) : null}
    </Stack>
  );
}

/** A proposed order waiting for a registrar: shown so nobody proposes a second one. */
function PendingOrderNotice({ order }: { order: StatusOrderRow }) {
  const { t } = useTranslation(['societies', 'statusOrders']);
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('detail.pendingTitle')}
      data-testid="pending-order"
    >
      <Text size="sm">
        {t('detail.pendingBody', {
          from: t(`societyStatus.${order.fromStatus}`),
          to: t(`societyStatus.${order.toStatus}`),
          date: dateText(order.effectiveOn),
          orderRef: order.orderRef,
          name: order.proposedByName,
          at: instantText(order.proposedAt),
          office: order.officeName,
        })}
      </Text>
      <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {order.reason}
      </Text>
    </Alert>
  );
}

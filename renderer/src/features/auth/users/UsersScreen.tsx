import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '#shared/auth/roles';
import type { UserRow } from '#shared/auth/contract';
import { ErrorState } from '../../../components/ErrorState';
import { PlusIcon } from '../../../components/icons';
import { PageHeader } from '../../../components/PageHeader';
import { useRequest } from '../../../lib/backend';
import { instantText } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { IdleLockSettings } from './IdleLockSettings';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { useReferenceData } from '../../reference';
import { authKeys, useUsers } from '../queries';

/** A row's action button never shrinks, so its label is never cut ("Deactiv…"). */
const actionButton = { flexShrink: 0 } as const;

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset'; user: UserRow }
  | { kind: 'deactivate'; user: UserRow }
  | null;

/** The administrator's list of users: add, edit, deactivate, reset a password. */
export function UsersScreen() {
  const { t } = useTranslation('auth');
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const users = useUsers();
  const reference = useReferenceData();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: authKeys.users() });
  const setActive = useRequest('users.setActive', refresh);

  const changeActive = async (user: UserRow, active: boolean) => {
    setFailed(null);
    try {
      await setActive.mutateAsync({ id: user.id, active });
      setDialog(null);
      setDone(
        active
          ? t('users.reactivated', { name: user.fullName })
          : t('users.deactivated', { name: user.fullName }),
      );
    } catch (failure) {
      setDialog(null);
      setFailed(failure instanceof Error ? failure.message : String(failure));
    }
  };

  let body;
  if (users.isPending || reference.isPending) {
    body = (
      <Stack gap="xs" aria-busy>
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  } else if (users.isError) {
    body = (
      <ErrorState
        title={t('users.loadError')}
        error={users.error}
        onRetry={() => void users.refetch()}
      />
    );
  } else {
    body = (
      <Paper withBorder radius="md">
        {/* Designed for 1366 × 768 with the navigation open: the action buttons keep their
            whole labels, and the names, roles, offices and sign-in times wrap to make room. */}
        <Table
          verticalSpacing={8}
          horizontalSpacing={10}
          fz="sm"
          striped
          highlightOnHover
          aria-label={t('users.tableLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.col.name')}</Table.Th>
              <Table.Th>{t('users.col.username')}</Table.Th>
              <Table.Th>{t('users.col.role')}</Table.Th>
              <Table.Th>{t('users.col.office')}</Table.Th>
              <Table.Th>{t('users.col.active')}</Table.Th>
              <Table.Th>{t('users.col.mustChange')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.col.lastLogin')}</Table.Th>
              <Table.Th>{t('users.col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                <Table.Td fw={500}>
                  {user.fullName}
                  {user.id === me.id ? (
                    <Text span size="xs" c="dimmed">
                      {` ${t('users.you')}`}
                    </Text>
                  ) : null}
                </Table.Td>
                {/* A user name is typed at sign-in: shown whole, never split at its dots. */}
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {user.username}
                </Table.Td>
                <Table.Td>{roleLabels[user.role]}</Table.Td>
                <Table.Td>{user.officeName}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={user.active ? 'green' : 'gray'}
                    radius="sm"
                    tt="none"
                    styles={{ root: { minWidth: 'max-content' } }}
                  >
                    {user.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {user.mustChangePassword ? (
                    <Badge
                      variant="light"
                      color="orange"
                      radius="sm"
                      tt="none"
                      styles={{ root: { minWidth: 'max-content' } }}
                    >
                      {t('users.mustChange')}
                    </Badge>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('users.ownPassword')}
                    </Text>
                  )}
                </Table.Td>
                {/* The date and the time may go on two lines; neither is ever split. */}
                <Table.Td>
                  {user.lastLoginAt ? instantText(user.lastLoginAt) : t('users.never')}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      style={actionButton}
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDialog({ kind: 'edit', user })}
                      aria-label={`${t('users.edit')} ${user.fullName}`}
                    >
                      {t('users.edit')}
                    </Button>
                    <Button
                      style={actionButton}
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDialog({ kind: 'reset', user })}
                      aria-label={`${t('users.resetPassword')} ${user.fullName}`}
                    >
                      {t('users.resetPassword')}
                    </Button>
                    {user.id === me.id ? null : user.active ? (
                      <Button
                        style={actionButton}
                        size="compact-sm"
                        variant="subtle"
                        color="red.8"
                        onClick={() => setDialog({ kind: 'deactivate', user })}
                        aria-label={`${t('users.deactivate')} ${user.fullName}`}
                      >
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button
                        style={actionButton}
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => void changeActive(user, true)}
                        aria-label={`${t('users.reactivate')} ${user.fullName}`}
                      >
                        {t('users.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    );
  }

  return (
    <Stack gap="md" maw={1480} pb="xl">
      <PageHeader
        title={t('users.title')}
        subtitle={
          users.data
            ? `${t('users.intro')} ${t('users.count', { count: users.data.length })}.`
            : t('users.intro')
        }
        actions={
          <Button
            leftSection={<PlusIcon />}
            onClick={() => setDialog({ kind: 'add' })}
            disabled={!reference.data}
          >
            {t('users.add')}
          </Button>
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
      {failed ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setFailed(null)}
          title={failed}
        />
      ) : null}
      {body}
      <IdleLockSettings />

      {reference.data && (dialog?.kind === 'add' || dialog?.kind === 'edit') ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          reference={reference.data}
          onClose={() => setDialog(null)}
          onSaved={(saved, added) => {
            setDialog(null);
            setDone(
              added
                ? t('users.added', { name: saved.fullName })
                : t('users.updated', { name: saved.fullName }),
            );
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            setDone(t('users.reset', { name: saved.fullName }));
            refresh();
          }}
        />
      ) : null}
      <Modal
        opened={dialog?.kind === 'deactivate'}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'deactivate'
            ? t('users.deactivateTitle', { name: dialog.user.fullName })
            : ''
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="md">
          <Text size="sm">{t('users.deactivateBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={setActive.isPending}
              onClick={() => {
                if (dialog?.kind === 'deactivate') void changeActive(dialog.user, false);
              }}
            >
              {t('users.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

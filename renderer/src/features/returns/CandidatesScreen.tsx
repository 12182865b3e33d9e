import { Anchor, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { indiaDate } from '#shared/domain/dates';
import { ListBody } from '../../components/ListBody';
import { PageHeader } from '../../components/PageHeader';
import { useRequest } from '../../lib/backend';
import { paths } from '../../lib/paths';
import { useCan, useSession } from '../../lib/session';
import { returnKeys, useNonFunctionalCandidates } from './queries';
import { useReferenceData } from '../reference';
import { statusOrderKeys } from '../status-orders';

/**
 * Functioning societies with no return for the last two years: each can be proposed for
 * non-functional status in one click; a registrar of the office decides the order.
 */
export function CandidatesScreen() {
  const { t } = useTranslation('returns');
  const queryClient = useQueryClient();
  const { user } = useSession();
  const reference = useReferenceData();
  const stateOffice =
    reference.data?.offices.find((office) => office.id === user.officeId)?.level === 'state';
  const candidates = useNonFunctionalCandidates(stateOffice ? undefined : user.officeId);
  const canPropose = useCan('statusOrders.propose');
  const propose = useRequest('statusOrders.propose', () => {
    void queryClient.invalidateQueries({ queryKey: returnKeys.all() });
    void queryClient.invalidateQueries({ queryKey: statusOrderKeys.all() });
  });
  const [older = '', newer = ''] = candidates.data?.years ?? [];

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t('candidates.title')}
        subtitle={candidates.data ? t('candidates.intro', { older, newer }) : undefined}
        actions={
          <Button variant="default" component={Link} to={paths.returns}>
            {t('returns.title')}
          </Button>
        }
      />
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ListBody
          query={candidates}
          loadError={t('candidates.loadError')}
          empty={t('candidates.empty')}
          isEmpty={(candidates.data?.rows.length ?? 0) === 0}
        >
          {() => (
            <Table
              striped
              verticalSpacing="xs"
              horizontalSpacing="md"
              fz="sm"
              aria-label={t('candidates.title')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('candidates.col.society')}</Table.Th>
                  <Table.Th>{t('candidates.col.regNo')}</Table.Th>
                  <Table.Th>{t('candidates.col.office')}</Table.Th>
                  <Table.Th>{t('candidates.col.lastFiled')}</Table.Th>
                  <Table.Th>{t('candidates.col.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(candidates.data?.rows ?? []).map((row) => (
                  <Table.Tr key={row.societyId} data-testid="candidate-row">
                    <Table.Td fw={600}>
                      <Anchor component={Link} to={paths.society(row.societyId)} size="sm" fw={600}>
                        {row.societyName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace">{row.regNo}</Table.Td>
                    <Table.Td>{row.officeName}</Table.Td>
                    <Table.Td>{row.lastFiledFy ?? t('candidates.never')}</Table.Td>
                    <Table.Td>
                      {row.pendingOrder ? (
                        <Badge color="gray" variant="light" radius="sm" tt="none">
                          {t('candidates.proposed')}
                        </Badge>
                      ) : canPropose ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          loading={
                            propose.isPending && propose.variables?.societyId === row.societyId
                          }
                          onClick={() =>
                            propose.mutate({
                              societyId: row.societyId,
                              toStatus: 'non_functional',
                              effectiveOn: indiaDate(new Date()),
                              orderRef: `Returns ${older}, ${newer}`,
                              reason: t('candidates.reason', { older, newer }),
                            })
                          }
                        >
                          {t('candidates.propose')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListBody>
        {propose.isError ? (
          <Text size="sm" c="red.8" role="alert" p="sm">
            {propose.error.message}
          </Text>
        ) : null}
      </Paper>
    </Stack>
  );
}

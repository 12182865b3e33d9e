import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { ApprovedPanel } from './ApprovedPanel';

/** How a closed application ended: approved (or deemed), refused with the order, or withdrawn. */
export function ApplicationDecision({ application: data }: { application: ApplicationDetail }) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <>
      {data.state === 'approved' || data.state === 'deemed' ? (
        <ApprovedPanel application={data} />
      ) : null}
      {data.state === 'refused' ? (
        <Alert
          color="red"
          variant="light"
          title={t('application.refusedTitle')}
          data-testid="refused"
        >
          <Text size="sm">
            {t('application.refusedBody', {
              name: data.decidedByName ?? '',
              at: instantText(data.decidedAt),
            })}
          </Text>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} fw={500}>
            {data.decisionReasons}
          </Text>
          <Button
            mt="sm"
            size="xs"
            color="red.8"
            variant="white"
            component={Link}
            to={paths.refusalOrder(data.id)}
          >
            {t('application.refusalOrder')}
          </Button>
        </Alert>
      ) : null}
      {data.state === 'withdrawn' ? (
        <Alert color="gray" variant="light" title={t('application.withdrawnTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.decisionReasons}
          </Text>
        </Alert>
      ) : null}
    </>
  );
}

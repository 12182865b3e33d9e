import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { PageHeader } from '../../components/PageHeader';
import { paths } from '../../lib/paths';
import { ApplicationStateBadge } from './ApplicationStateBadge';

/** The proposed name, its state and acknowledgement number, with Back and the slip. */
export function ApplicationHeader({
  application: data,
  officeName,
  backButton,
}: {
  application: ApplicationDetail;
  officeName: string;
  backButton: ReactNode;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <PageHeader
      title={data.proposedName}
      badge={<ApplicationStateBadge state={data.state} />}
      subtitle={
        <Group gap="md">
          {data.proposedNameMizo ? (
            <Text size="sm" c="dark.4" fs="italic">
              {data.proposedNameMizo}
            </Text>
          ) : null}
          <Text size="sm" ff="monospace" c="dark.5" data-testid="ack-no">
            {data.ackNo}
          </Text>
          <Text size="sm" c="dimmed">
            {data.typeName} · {officeName}
          </Text>
        </Group>
      }
      actions={
        <>
          {backButton}
          <Button variant="light" component={Link} to={paths.acknowledgement(data.id)}>
            {t('application.slip')}
          </Button>
        </>
      }
    />
  );
}

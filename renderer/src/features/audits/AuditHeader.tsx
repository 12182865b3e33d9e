import { Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditDetail } from '#shared/audits/contract';
import { PageHeader } from '../../components/PageHeader';
import { ArrowLeftIcon } from '../../components/icons';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { AuditStateBadge, GradeBadge } from './AuditBadges';

/** The society audited, the audit's state and grade, and Back, the society, Print and Submit. */
export function AuditHeader({
  audit: data,
  onBack,
  canPrint,
  printing,
  onPrint,
  canSubmit,
  submitting,
  onSubmit,
}: {
  audit: AuditDetail;
  onBack: () => void;
  canPrint: boolean;
  printing: boolean;
  onPrint: () => void;
  canSubmit: boolean;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation('audits');
  const accepted = data.state === 'accepted';
  return (
    <PageHeader
      title={data.society.name}
      badge={
        <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
          <AuditStateBadge status={data.state} size="md" />
          {data.overdue ? <AuditStateBadge status="overdue" size="md" /> : null}
          {accepted && data.grade ? <GradeBadge grade={data.grade} /> : null}
        </Group>
      }
      subtitle={
        <Group gap="md">
          <Text size="sm" ff="monospace" c="dark.5">
            {data.society.regNo}
          </Text>
          <Text size="sm" c="dimmed">
            {t('audits.page.subtitle', {
              fy: data.fy,
              due: dateText(data.dueOn),
              type: data.society.typeName,
              office: data.society.officeName,
            })}
          </Text>
        </Group>
      }
      actions={
        <>
          <Button
            variant="default"
            leftSection={<ArrowLeftIcon />}
            rightSection={<Kbd size="xs">Esc</Kbd>}
            onClick={onBack}
          >
            {t('audits.page.back')}
          </Button>
          <Button variant="default" component={Link} to={paths.society(data.society.id)}>
            {t('audits.page.openSociety')}
          </Button>
          {canPrint ? (
            <Button loading={printing} onClick={onPrint}>
              {t('audits.page.printCertificate')}
            </Button>
          ) : null}
          {canSubmit ? (
            <Button color="green.8" loading={submitting} onClick={onSubmit}>
              {t('audits.page.submit')}
            </Button>
          ) : null}
        </>
      }
    />
  );
}

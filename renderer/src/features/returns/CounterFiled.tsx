import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnDetail } from '#shared/returns/contract';
import { PrintableSheet } from '../../components/PrintableDocument';
import { useReferenceData } from '../reference';
import { ReturnAcknowledgementBody } from './ReturnAcknowledgement';

/** After filing: the acknowledgement to print, then the keyboard goes back. */
export function CounterFiled({
  detail,
  onHandBack,
}: {
  detail: ReturnDetail;
  onHandBack: () => void;
}) {
  const { t } = useTranslation('returns');
  const reference = useReferenceData();
  const office = reference.data?.offices.find((candidate) => candidate.id === detail.officeId);
  return (
    <Stack gap="md" maw={820} mx="auto">
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('counter.filedTitle')}
        data-print="hide"
      >
        {t('counter.filedBody', { ackNo: detail.filed?.ackNo ?? '' })}
      </Alert>
      <Group justify="flex-end" gap="sm" data-print="hide">
        <Button variant="default" onClick={onHandBack}>
          {t('counter.handBack')}
        </Button>
        <Button autoFocus onClick={() => window.print()}>
          {t('counter.print')}
        </Button>
      </Group>
      <PrintableSheet
        stateName={reference.data?.stateName ?? ''}
        office={office}
        title={t('returnAck.title')}
        testId="return-acknowledgement"
      >
        <ReturnAcknowledgementBody detail={detail} />
      </PrintableSheet>
    </Stack>
  );
}

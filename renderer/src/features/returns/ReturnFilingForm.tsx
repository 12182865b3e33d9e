import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnDetail } from '#shared/returns/contract';
import { dateText, rupeeText } from '../../lib/format';
import { FilingDeclarationFields } from './FilingDeclarationFields';
import { FilingItemsFields } from './FilingItemsFields';
import { FilingMembersFields } from './FilingMembersFields';
import { FilingMoneyFields } from './FilingMoneyFields';
import { useReturnFilingForm } from './use-return-filing-form';

/** The items, the figures and the declaration; checked as they are typed. */
export function ReturnFilingForm({
  detail,
  onFiled,
}: {
  detail: ReturnDetail;
  onFiled: (detail: ReturnDetail) => void;
}) {
  const { t } = useTranslation('returns');
  const { form, banner, electionsHeld, errorCount, submit, snapshotError } = useReturnFilingForm({
    detail,
    onFiled,
  });
  const late = detail.lateIfFiledToday;

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('counter.title', { fy: detail.fy })}
    >
      <Stack gap="md" pb={40}>
        <Stack gap={4}>
          <Title order={1} size="h3">
            {t('counter.title', { fy: detail.fy })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('counter.intro', { society: detail.societyName, fy: detail.fy })}
          </Text>
          <Text size="sm" c={late.daysLate > 0 ? 'red.8' : 'dark.5'} fw={500}>
            {late.daysLate > 0
              ? t('counter.dueLate', {
                  due: dateText(detail.dueOn),
                  count: late.daysLate,
                  fee: rupeeText(late.feePaise),
                })
              : t('counter.dueOnTime', { due: dateText(detail.dueOn) })}
          </Text>
        </Stack>
        {detail.filed?.state === 'sent_back' ? (
          <Alert color="orange" variant="light" title={t('counter.sentBack')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.filed.reviewReasons}
            </Text>
          </Alert>
        ) : null}
        {banner ? (
          <Alert color="red" variant="light" role="alert">
            {banner}
          </Alert>
        ) : null}

        <FilingItemsFields form={form} electionsHeld={electionsHeld} />
        <FilingMembersFields form={form} snapshotError={snapshotError} />
        <FilingMoneyFields form={form} snapshotError={snapshotError} />
        <FilingDeclarationFields form={form} errorCount={errorCount} />
      </Stack>
    </form>
  );
}

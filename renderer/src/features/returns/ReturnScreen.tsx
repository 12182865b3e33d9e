import { Alert, Button, Group, Kbd, Modal, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReturnDetail } from '#shared/returns/contract';
import { ErrorState } from '../../components/ErrorState';
import { FieldList } from '../../components/FieldList';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ArrowLeftIcon } from '../../components/icons';
import { useRequest } from '../../lib/backend';
import { dateText, instantText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useCan } from '../../lib/session';
import { useApplyAuthStatus } from '../auth';
import { DocumentsSection } from '../documents';
import { FiledReturnView } from './FiledReturnView';
import { lateText } from './late-text';
import { ReturnStatusBadge } from './ReturnStatusBadge';
import { returnKeys, useReturn } from './queries';

/**
 * One society's return for one year: not filed (the clerk opens the counter for the
 * secretary), or filed with its items and figures and the clerk's check.
 */
export function ReturnScreen({ societyId, fy }: { societyId: string; fy: string }) {
  const { t } = useTranslation('returns');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useReturn(societyId, fy);
  const canOpenCounter = useCan('returns.openCounter');
  const canReview = useCan('returns.review');
  const applyStatus = useApplyAuthStatus();
  const openCounter = useRequest('returns.openCounter');
  const review = useRequest('returns.review');
  const [sendingBack, setSendingBack] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const back = () => void navigate(-1);
  useHotkeys(sendingBack ? [] : [['Escape', back]]);

  if (detail.isPending) {
    return (
      <Stack gap="md" aria-busy>
        <Skeleton height={34} width="50%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (detail.isError) {
    return (
      <ErrorState
        title={t('returnPage.loadError')}
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const data = detail.data;
  const filed = data.filed;
  const saved = (next: ReturnDetail, message: string) => {
    queryClient.setQueryData(returnKeys.one(societyId, fy), next);
    void queryClient.invalidateQueries({ queryKey: returnKeys.all() });
    setDone(message);
  };

  return (
    <Stack gap="md" pb="xl" maw={1280}>
      <PageHeader
        title={data.societyName}
        badge={<ReturnStatusBadge status={data.status} size="md" />}
        subtitle={
          <Group gap="md">
            <Text size="sm" ff="monospace" c="dark.5">
              {data.regNo}
            </Text>
            <Text size="sm" c="dimmed">
              {t('counter.title', { fy })} · {t('returnPage.dueOn', { date: dateText(data.dueOn) })}{' '}
              · {data.officeName}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<ArrowLeftIcon />}
              rightSection={<Kbd size="xs">Esc</Kbd>}
              onClick={back}
            >
              {t('returnPage.back')}
            </Button>
            <Button variant="default" component={Link} to={paths.society(societyId)}>
              {t('returnPage.openSociety')}
            </Button>
            {filed ? (
              <Button
                variant="light"
                component={Link}
                to={paths.returnAcknowledgement(societyId, fy)}
              >
                {t('returnPage.acknowledgement')}
              </Button>
            ) : null}
          </>
        }
      />
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={done}
          withCloseButton
          onClose={() => setDone(null)}
        />
      ) : null}

      {!filed || filed.state === 'sent_back' ? (
        <Section title={t('returnPage.section.filing')} id="sec-return-filing">
          <Stack gap="sm">
            {!filed ? (
              <Text size="sm">{t('returnPage.notFiledBody', { fy })}</Text>
            ) : (
              <Alert color="orange" variant="light" title={t('returnPage.reviewReasons')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {filed.reviewReasons}
                </Text>
              </Alert>
            )}
            <Text size="sm" c={data.lateIfFiledToday.daysLate > 0 ? 'red.8' : 'dark.5'}>
              {data.lateIfFiledToday.daysLate > 0
                ? t('returnPage.lateToday', {
                    count: data.lateIfFiledToday.daysLate,
                    fee: rupeeText(data.lateIfFiledToday.feePaise),
                  })
                : t('returnPage.onTimeToday')}
            </Text>
            {canOpenCounter ? (
              <Group gap="sm">
                <Button
                  loading={openCounter.isPending}
                  onClick={() =>
                    openCounter.mutate(
                      { societyId, fy },
                      {
                        onSuccess: (status) => {
                          queryClient.removeQueries({ queryKey: returnKeys.counterForm() });
                          applyStatus(status);
                        },
                      },
                    )
                  }
                >
                  {t('returnPage.openCounter')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('returnPage.counterHint')}
                </Text>
              </Group>
            ) : null}
            {openCounter.isError ? (
              <Text size="sm" c="red.8" role="alert">
                {openCounter.error.message}
              </Text>
            ) : null}
          </Stack>
        </Section>
      ) : null}

      {filed ? (
        <>
          <Section title={t('returnPage.section.review')} id="sec-return-review">
            <Stack gap="sm">
              <FieldList
                labelWidth={220}
                items={[
                  { label: t('returnPage.ackNo'), value: filed.ackNo },
                  { label: t('returnPage.filedOn'), value: dateText(filed.filedOn) },
                  {
                    label: t('returnPage.late'),
                    value: lateText(t, filed),
                  },
                  {
                    label: t('returnPage.declarant'),
                    value: `${filed.declarantName}, ${filed.declarantDesignation}`,
                  },
                  { label: t('returnPage.counterClerk'), value: filed.counterClerkName },
                  {
                    label: t('returnPage.reviewedBy'),
                    value: filed.reviewedByName
                      ? `${filed.reviewedByName}, ${instantText(filed.reviewedAt)}`
                      : '',
                  },
                ]}
              />
              {filed.state === 'filed' && canReview ? (
                <Group gap="sm" data-testid="review-actions">
                  <Button
                    color="green.8"
                    loading={review.isPending && review.variables?.decision === 'accept'}
                    onClick={() =>
                      review.mutate(
                        {
                          id: filed.id,
                          baseVersion: filed.version,
                          decision: 'accept',
                          reasons: null,
                        },
                        { onSuccess: (next) => saved(next, t('returnPage.accepted')) },
                      )
                    }
                  >
                    {t('returnPage.accept')}
                  </Button>
                  <Button variant="outline" color="orange.8" onClick={() => setSendingBack(true)}>
                    {t('returnPage.sendBack')}
                  </Button>
                </Group>
              ) : null}
              {review.isError && !sendingBack ? (
                <Text size="sm" c="red.8" role="alert">
                  {review.error.message}
                </Text>
              ) : null}
            </Stack>
          </Section>
          <FiledReturnView filed={filed} />
          <DocumentsSection ownerEntity="annual_return" ownerId={filed.id} />
        </>
      ) : null}

      <Section title={t('returnPage.section.notices')} id="sec-return-notices">
        {data.notices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('returnPage.noNotices')}
          </Text>
        ) : (
          <Stack gap={4}>
            {data.notices.map((notice) => (
              <Text key={notice.letterNo} size="sm">
                <Text span ff="monospace">
                  {notice.letterNo}
                </Text>{' '}
                · {dateText(notice.sentOn)}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      {sendingBack && filed ? (
        <SendBackModal
          onClose={() => setSendingBack(false)}
          pending={review.isPending}
          error={review.isError ? review.error.message : null}
          onSubmit={(reasons) =>
            review.mutate(
              { id: filed.id, baseVersion: filed.version, decision: 'send_back', reasons },
              {
                onSuccess: (next) => {
                  setSendingBack(false);
                  saved(next, t('returnPage.sentBack'));
                },
              },
            )
          }
        />
      ) : null}
    </Stack>
  );
}

function SendBackModal({
  onClose,
  onSubmit,
  pending,
  error,
}: {
  onClose: () => void;
  onSubmit: (reasons: string) => void;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation('returns');
  const [reasons, setReasons] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    if (reasons.trim() === '') {
      setEmpty(true);
      return;
    }
    onSubmit(reasons.trim());
  };
  return (
    <Modal opened onClose={onClose} title={t('returnPage.sendBackTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <Textarea
            label={t('returnPage.sendBackReasons')}
            withAsterisk
            data-autofocus
            autosize
            minRows={3}
            value={reasons}
            error={empty ? t('returnPage.sendBackReasons') : undefined}
            onChange={(event) => {
              setEmpty(false);
              setReasons(event.currentTarget.value);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange.8" loading={pending}>
              {t('returnPage.sendBackSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Box, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDetail } from '#shared/returns/contract';
import { ErrorState } from '../../components/ErrorState';
import { CounterFiled } from './CounterFiled';
import { CounterHeader } from './CounterHeader';
import { HandBackModal, type ClosedCounter } from './HandBackModal';
import { useCounterForm } from './queries';
import { ReturnFilingForm } from './ReturnFilingForm';

/**
 * Counter mode: the clerk handed the keyboard to the society's secretary, who sees this
 * return and nothing else (the backend refuses every other request) until the clerk takes
 * the keyboard back with their password.
 */
export function CounterScreen({ onClosed }: { onClosed: (counter: ClosedCounter) => void }) {
  const { t } = useTranslation('returns');
  const form = useCounterForm();
  const [handingBack, setHandingBack] = useState(false);
  const [justFiled, setJustFiled] = useState<ReturnDetail | null>(null);

  let body;
  if (form.isPending) {
    body = (
      <Stack aria-busy>
        <Skeleton height={30} />
        <Skeleton height={300} />
      </Stack>
    );
  } else if (form.isError) {
    body = (
      <ErrorState
        title={t('counter.loadError')}
        error={form.error}
        onRetry={() => void form.refetch()}
      />
    );
  } else if (justFiled) {
    body = <CounterFiled detail={justFiled} onHandBack={() => setHandingBack(true)} />;
  } else {
    body = <ReturnFilingForm detail={form.data} onFiled={setJustFiled} />;
  }

  return (
    <Box mih="100dvh" bg="gray.0">
      <CounterHeader detail={justFiled ?? form.data} onHandBack={() => setHandingBack(true)} />
      <Box component="main" p="lg" maw={1120} mx="auto">
        {body}
      </Box>
      {handingBack ? (
        <HandBackModal onClose={() => setHandingBack(false)} onClosed={onClosed} />
      ) : null}
    </Box>
  );
}

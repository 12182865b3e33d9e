import { Skeleton, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { indiaDate } from '#shared/domain/dates';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { ErrorState } from '../../components/ErrorState';
import { useRequest } from '../../lib/backend';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { ApplicationForm } from './ApplicationForm';
import { emptyApplicationValues } from './form-values';
import { useReferenceData, useRuleParameters } from '../reference';
import { registrationKeys } from './queries';

/** Location state after recording, so the slip can say it was just recorded. */
export interface ReceivedState {
  received?: boolean;
}

/** "New application": the clerk records it, then prints the acknowledgement slip. */
export function NewApplicationScreen() {
  const { t } = useTranslation(['registration', 'reference']);
  const reference = useReferenceData();
  const rules = useRuleParameters();

  if (reference.isPending) {
    return (
      <Stack gap="md" aria-busy>
        <Skeleton height={30} width="40%" />
        <Skeleton height={180} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (reference.isError) {
    return (
      <ErrorState
        title={t('reference:reference.loadError')}
        error={reference.error}
        onRetry={() => void reference.refetch()}
      />
    );
  }
  return <NewApplicationForm reference={reference.data} rules={rules.data} />;
}

function NewApplicationForm({
  reference,
  rules,
}: {
  reference: ReferenceData;
  rules: RuleParameter[] | undefined;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const receive = useRequest('applications.receive', (saved) => {
    queryClient.setQueryData(registrationKeys.application(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: registrationKeys.applications() });
  });
  const [values] = useState(() => emptyApplicationValues(user, reference, indiaDate(new Date())));
  return (
    <ApplicationForm
      reference={reference}
      rules={rules}
      defaultValues={values}
      onSubmit={async (application) => {
        const saved = await receive.mutateAsync({ application });
        const state: ReceivedState = { received: true };
        void navigate(paths.acknowledgement(saved.id), { replace: true, state });
      }}
      onCancel={() => {
        if (location.key !== 'default') void navigate(-1);
        else void navigate(paths.applications);
      }}
    />
  );
}

import { Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { paths } from '../../../lib/paths';
import { emptySocietyValues } from './form-values';
import { SocietyForm } from './SocietyForm';
import { useCreateSociety } from '../queries';
import { useReferenceData } from '../../reference';

/** "Add society": a record already registered on paper, entered from the old register. */
export function AddSocietyScreen() {
  const { t } = useTranslation(['societies', 'reference']);
  const navigate = useNavigate();
  const location = useLocation();
  const reference = useReferenceData();
  const create = useCreateSociety();
  const [defaults] = useState(emptySocietyValues);

  if (reference.isPending) return <FormSkeleton />;
  if (reference.isError) {
    return (
      <ErrorState
        title={t('reference:reference.loadError')}
        error={reference.error}
        onRetry={() => void reference.refetch()}
      />
    );
  }

  return (
    <SocietyForm
      mode="create"
      reference={reference.data}
      defaultValues={defaults}
      title={t('form.addTitle')}
      intro={t('form.addIntro')}
      onSubmit={async (output, { confirmedDistinctFrom }) => {
        if (output.mode !== 'create') return;
        const saved = await create.mutateAsync({ society: output.society, confirmedDistinctFrom });
        void navigate(paths.society(saved.id), {
          replace: true,
          state: { saved: 'created', registerSearch: '', selectedId: saved.id },
        });
      }}
      onCancel={() => {
        if (location.key !== 'default') void navigate(-1);
        else void navigate(paths.register);
      }}
    />
  );
}

export function FormSkeleton() {
  return (
    <Stack gap="md" aria-busy>
      <Skeleton height={30} width="40%" />
      <Skeleton height={180} />
      <Skeleton height={120} />
      <Skeleton height={160} />
    </Stack>
  );
}

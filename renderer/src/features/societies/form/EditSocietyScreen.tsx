import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { SocietyDetail } from '#shared/societies/contract';
import { ErrorState } from '../../../components/ErrorState';
import { isBackendError } from '../../../lib/backend';
import { paths } from '../../../lib/paths';
import { FormSkeleton } from './AddSocietyScreen';
import { valuesFromDetail } from './form-values';
import { SocietyForm } from './SocietyForm';
import { useReferenceData } from '../../reference';
import { useSociety, useUpdateSociety } from '../queries';

/** "Edit society": corrections to the master record, guarded against someone else's save. */
export function EditSocietyScreen({ id }: { id: string }) {
  const { t } = useTranslation(['societies', 'reference']);
  const navigate = useNavigate();
  const location = useLocation();
  const reference = useReferenceData();
  const society = useSociety(id);
  const update = useUpdateSociety();

  // The form edits the record as it was when opened; later changes from elsewhere do not
  // replace what the clerk is typing. "Reload" takes the newest version on purpose.
  const [opened, setOpened] = useState<SocietyDetail | null>(null);
  if (opened === null && society.data) setOpened(society.data);

  const leave = () => {
    if (location.key !== 'default') void navigate(-1);
    else void navigate(paths.society(id), { state: location.state });
  };

  if (reference.isPending || (society.isPending && !opened)) return <FormSkeleton />;
  if (society.isError && !opened) {
    const notFound = isBackendError(society.error) && society.error.code === 'not_found';
    return (
      <Stack maw={760}>
        {notFound ? (
          <Alert color="yellow" variant="light" title={t('form.notFoundTitle')} role="alert">
            <Text size="sm">{t('detail.notFoundBody')}</Text>
          </Alert>
        ) : (
          <ErrorState
            title={t('detail.loadError')}
            error={society.error}
            onRetry={() => void society.refetch()}
          />
        )}
        <Group>
          <Button variant="default" onClick={() => void navigate(paths.register)}>
            {t('common.back')}
          </Button>
        </Group>
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
  if (!opened) return <FormSkeleton />;

  return (
    <SocietyForm
      key={opened.version}
      mode="edit"
      reference={reference.data}
      defaultValues={valuesFromDetail(opened)}
      originalName={opened.name}
      title={t('form.editTitle', { name: opened.name })}
      intro={t('form.editIntro')}
      onSubmit={async (output, { confirmedDistinctFrom }) => {
        if (output.mode !== 'edit') return;
        await update.mutateAsync({
          id,
          baseVersion: opened.version,
          fields: output.fields,
          nameChangeReason: output.nameChangeReason,
          confirmedDistinctFrom,
        });
        const state = (location.state as object | null) ?? {};
        void navigate(paths.society(id), { replace: true, state: { ...state, saved: 'updated' } });
      }}
      onCancel={leave}
      onReload={() => {
        void society.refetch().then((fresh) => {
          if (fresh.data) setOpened(fresh.data);
        });
      }}
    />
  );
}

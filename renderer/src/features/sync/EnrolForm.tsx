import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type RequestInput } from '#shared/ipc/contract';
import { Section } from '../../components/Section';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { storeSyncStatus, syncKeys } from './queries';

type EnrolInput = RequestInput<'sync.enrol'>;
const FIELDS = ['serverUrl', 'code', 'label'] as const;

/** The administrator connects this computer with the one-time code from the state office. */
export function EnrolForm() {
  const { t } = useTranslation('sync');
  const queryClient = useQueryClient();
  const enrol = useRequest('sync.enrol', (status) => storeSyncStatus(queryClient, status));
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<EnrolInput>({
    resolver: zodResolver(contract.requests['sync.enrol'].input),
    defaultValues: { serverUrl: '', code: '', label: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      await enrol.mutateAsync(values);
      // The first sync starts at once; its progress shows in the status above.
      void queryClient.fetchQuery({ queryKey: syncKeys.status() });
    } catch (failure) {
      setBanner(showServerErrors(failure, form.setError, FIELDS));
    }
  });
  const { errors } = form.formState;
  return (
    <Section title={t('sync.enrol.title')} id="sync-enrol-title">
      <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="sync-enrol-title">
        <Stack gap="sm" maw={560}>
          <Text size="sm" c="dimmed">
            {t('sync.enrol.intro')}
          </Text>
          {banner ? (
            <Alert color="red" variant="light" role="alert">
              {banner}
            </Alert>
          ) : null}
          <TextInput
            label={t('sync.enrol.serverUrl')}
            description={t('sync.enrol.serverUrlHint')}
            withAsterisk
            autoFocus
            error={errors.serverUrl?.message}
            {...form.register('serverUrl')}
          />
          <TextInput
            label={t('sync.enrol.code')}
            description={t('sync.enrol.codeHint')}
            withAsterisk
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            error={errors.code?.message}
            {...form.register('code')}
          />
          <TextInput
            label={t('sync.enrol.label')}
            description={t('sync.enrol.labelHint')}
            withAsterisk
            error={errors.label?.message}
            {...form.register('label')}
          />
          <div>
            <Button type="submit" loading={enrol.isPending}>
              {t('sync.enrol.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}

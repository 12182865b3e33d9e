import { Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '#shared/registration/contract';
import type { Office, ReferenceData } from '#shared/reference/contract';
import { ErrorState } from '../../components/ErrorState';
import { useApplication } from './queries';
import { useReferenceData } from '../reference';

/**
 * Loads the application a printed document is about, with the reference data for its
 * letterhead; shows a placeholder while loading and the error with a retry if it fails.
 */
export function ApplicationDocument({
  id,
  children,
}: {
  id: string;
  children: (
    application: ApplicationDetail,
    reference: ReferenceData,
    office: Office | undefined,
  ) => ReactNode;
}) {
  const { t } = useTranslation('registration');
  const application = useApplication(id);
  const reference = useReferenceData();
  if (application.isPending || reference.isPending) {
    return (
      <Stack maw={820} aria-busy>
        <Skeleton height={36} />
        <Skeleton height={420} />
      </Stack>
    );
  }
  if (application.isError || reference.isError) {
    return (
      <ErrorState
        title={t('application.loadError')}
        error={application.error ?? reference.error}
        onRetry={() => void application.refetch()}
      />
    );
  }
  const office = reference.data.offices.find(
    (candidate) => candidate.id === application.data.officeId,
  );
  return <>{children(application.data, reference.data, office)}</>;
}

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '#shared/registration/contract';
import { appKeys, useRequest } from '../../lib/backend';
import { useSession } from '../../lib/session';
import { certificateKeys } from '../certificates';
import { useReferenceData } from '../reference';
import { societyKeys } from '../societies';
import type { ApplicationAction } from './actions';
import { registrationKeys, useApplication } from './queries';

/**
 * The application screen's data and steps: the application and the reference data, the
 * step dialog open, the last step's outcome, and what a finished step refreshes.
 */
export function useApplicationScreen(id: string) {
  const { t } = useTranslation(['registration', 'certificates']);
  const queryClient = useQueryClient();
  const { user } = useSession();
  const application = useApplication(id);
  const reference = useReferenceData();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useRequest('applications.startScrutiny');

  const onDone = (saved: ApplicationDetail, message: string | null) => {
    setOpen(null);
    setDone(message);
    queryClient.setQueryData(registrationKeys.application(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: registrationKeys.applications() });
    if (saved.societyId) {
      void queryClient.invalidateQueries({ queryKey: societyKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: certificateKeys.all() });
      void queryClient.invalidateQueries({ queryKey: appKeys.info() });
    }
  };

  // Starting scrutiny needs no dialog: it is sent at once; every other step opens its own.
  const takeStep = (data: ApplicationDetail, action: ApplicationAction) => {
    setDone(null);
    setFailure(null);
    if (action !== 'startScrutiny') {
      setOpen(action);
      return;
    }
    start.mutate(
      { id: data.id, baseVersion: data.version },
      {
        onSuccess: (saved) => onDone(saved, t('application.stepDone.startScrutiny')),
        onError: (error) => setFailure(error.message),
      },
    );
  };

  return {
    user,
    application,
    reference,
    open,
    close: () => setOpen(null),
    done,
    clearDone: () => setDone(null),
    failure,
    clearFailure: () => setFailure(null),
    starting: start.isPending,
    takeStep,
    onDone,
  };
}

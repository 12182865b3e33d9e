import { Alert, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { isBackendError } from '../../lib/backend';
import { paths } from '../../lib/paths';
import { canUse } from '../../lib/session';
import { DocumentsSection } from '../documents';
import { availableActions } from './actions';
import { ApplicationActionsSection } from './ApplicationActionsSection';
import { ApplicationBackButton } from './ApplicationBackButton';
import { ApplicationClockSection } from './ApplicationClockSection';
import { ApplicationDecision } from './ApplicationDecision';
import { ApplicationHeader } from './ApplicationHeader';
import { ApplicationParticulars } from './ApplicationParticulars';
import { ApplicationPromotersSection } from './ApplicationPromotersSection';
import { ApplicationStepDialogs } from './ApplicationStepDialogs';
import { CloseNamesAlert } from './CloseNamesAlert';
import { DeficiencyLettersSection } from './DeficiencyLettersSection';
import { ScrutinyChecklist } from './ScrutinyChecklist';
import { useApplicationScreen } from './use-application-screen';
import { useScreenShortcuts } from '../../lib/screen-shortcuts';

/** One application: its particulars, clock, letters, and the steps its state allows. */
export function ApplicationScreen({ id }: { id: string }) {
  const { t } = useTranslation(['registration', 'certificates']);
  const navigate = useNavigate();
  const screen = useApplicationScreen(id);
  const { application, reference, user } = screen;

  const back = () => void navigate(paths.applications);
  // While a step's form is open, Esc belongs to it.
  useScreenShortcuts(screen.open ? [] : [{ keys: 'Escape', hint: t('status.escBack'), run: back }]);

  const backButton = <ApplicationBackButton onClick={back} />;

  if (application.isPending) {
    return (
      <Stack gap="md" aria-busy>
        <Skeleton height={34} width="50%" />
        <Skeleton height={16} width="30%" />
        <Group grow align="flex-start">
          <Skeleton height={200} />
          <Skeleton height={200} />
        </Group>
      </Stack>
    );
  }
  if (application.isError) {
    const notFound = isBackendError(application.error) && application.error.code === 'not_found';
    return (
      <Stack gap="md" maw={760}>
        {notFound ? (
          <Alert color="yellow" variant="light" title={t('application.notFoundTitle')} role="alert">
            <Text size="sm">{t('application.notFoundBody')}</Text>
          </Alert>
        ) : (
          <ErrorState
            title={t('application.loadError')}
            error={application.error}
            onRetry={() => void application.refetch()}
          />
        )}
        <Group>{backButton}</Group>
      </Stack>
    );
  }

  const data = application.data;
  const offices = reference.data?.offices ?? [];
  const office = offices.find((candidate) => candidate.id === data.officeId);
  const stateOffice =
    offices.find((candidate) => candidate.id === user.officeId)?.level === 'state';
  const { actions, decideBlock, approvalWaits } = availableActions(data, user, stateOffice);
  const officeName = office?.shortName ?? data.officeName;

  return (
    <Stack gap="md" pb="xl" maw={1480}>
      <ApplicationHeader application={data} officeName={officeName} backButton={backButton} />

      {screen.done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={screen.clearDone}
          title={screen.done}
        />
      ) : null}

      {screen.failure ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={screen.clearFailure}
          title={screen.failure}
        />
      ) : null}

      <ApplicationDecision application={data} />

      {data.closeNames.length > 0 && data.open ? <CloseNamesAlert names={data.closeNames} /> : null}

      {data.open ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ApplicationClockSection clock={data.clock} />
          <ApplicationActionsSection
            actions={actions}
            decideBlock={decideBlock}
            approvalWaits={approvalWaits}
            officeName={officeName}
            starting={screen.starting}
            onAction={(action) => screen.takeStep(data, action)}
          />
        </SimpleGrid>
      ) : null}

      <ApplicationParticulars
        application={data}
        reference={reference.data}
        officeName={officeName}
      />

      <ApplicationPromotersSection application={data} />

      {data.open || data.checklist.some((item) => item.result !== null) ? (
        <ScrutinyChecklist
          application={data}
          editable={
            data.state === 'under_scrutiny' && canUse(user.role, 'applications.recordScrutiny')
          }
          onSaved={(saved) => screen.onDone(saved, t('scrutiny.saved'))}
        />
      ) : null}

      <DeficiencyLettersSection application={data} />

      <DocumentsSection ownerEntity="registration_application" ownerId={data.id} />

      <ApplicationStepDialogs
        open={screen.open}
        application={data}
        officeName={officeName}
        onClose={screen.close}
        onDone={screen.onDone}
      />
    </Stack>
  );
}

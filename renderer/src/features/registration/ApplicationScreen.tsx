import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Kbd,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { ErrorState } from '../../components/ErrorState';
import { FieldList } from '../../components/FieldList';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ArrowLeftIcon } from '../../components/icons';
import { isBackendError, useRequest } from '../../lib/backend';
import { dateText, instantText, rupeeText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { canUse, useSession } from '../../lib/session';
import { PrintCertificateButton } from '../certificates';
import { availableActions, type ApplicationAction } from './actions';
import { ApplicationStateBadge } from './ApplicationStateBadge';
import { ClockBadge } from './clock';
import { DocumentsSection } from '../documents';
import type { IssuedLetterState } from './DeficiencyLetter';
import { ScrutinyChecklist } from './ScrutinyChecklist';
import {
  DecideApplicationModal,
  DeemedModal,
  DeficiencyModal,
  ReplyModal,
  WithdrawModal,
} from './StepModals';
import { registrationKeys, useApplication } from './queries';
import { certificateKeys, useCertificates } from '../certificates';
import { useReferenceData } from '../reference';
import { societyKeys, useSociety } from '../societies';
import { appKeys } from '../../lib/backend';

/** One application: its particulars, clock, letters, and the steps its state allows. */
export function ApplicationScreen({ id }: { id: string }) {
  const { t } = useTranslation(['registration', 'certificates']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const application = useApplication(id);
  const reference = useReferenceData();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useRequest('applications.startScrutiny');

  const back = () => void navigate(paths.applications);
  useHotkeys(open ? [] : [['Escape', back]]);

  const backButton = (
    <Button
      variant="default"
      leftSection={<ArrowLeftIcon />}
      rightSection={<Kbd size="xs">Esc</Kbd>}
      onClick={back}
      aria-keyshortcuts="Escape"
    >
      {t('application.back')}
    </Button>
  );

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
  const district = reference.data?.districts.find((d) => d.id === data.districtId);
  const village = reference.data?.villages.find((v) => v.id === data.villageId);
  const { actions, decideBlock } = availableActions(data, user, stateOffice);
  const officeName = office?.shortName ?? data.officeName;
  const chief = data.promoters.find((promoter) => promoter.isChief);

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

  return (
    <Stack gap="md" pb="xl" maw={1480}>
      <PageHeader
        title={data.proposedName}
        badge={<ApplicationStateBadge state={data.state} />}
        subtitle={
          <Group gap="md">
            {data.proposedNameMizo ? (
              <Text size="sm" c="dark.4" fs="italic">
                {data.proposedNameMizo}
              </Text>
            ) : null}
            <Text size="sm" ff="monospace" c="dark.5" data-testid="ack-no">
              {data.ackNo}
            </Text>
            <Text size="sm" c="dimmed">
              {data.typeName} · {officeName}
            </Text>
          </Group>
        }
        actions={
          <>
            {backButton}
            <Button variant="light" component={Link} to={paths.acknowledgement(data.id)}>
              {t('application.slip')}
            </Button>
          </>
        }
      />

      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setDone(null)}
          title={done}
        />
      ) : null}

      {failure ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setFailure(null)}
          title={failure}
        />
      ) : null}

      {data.state === 'approved' || data.state === 'deemed' ? (
        <ApprovedPanel application={data} />
      ) : null}
      {data.state === 'refused' ? (
        <Alert
          color="red"
          variant="light"
          title={t('application.refusedTitle')}
          data-testid="refused"
        >
          <Text size="sm">
            {t('application.refusedBody', {
              name: data.decidedByName ?? '',
              at: instantText(data.decidedAt),
            })}
          </Text>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} fw={500}>
            {data.decisionReasons}
          </Text>
          <Button
            mt="sm"
            size="xs"
            color="red.8"
            variant="white"
            component={Link}
            to={paths.refusalOrder(data.id)}
          >
            {t('application.refusalOrder')}
          </Button>
        </Alert>
      ) : null}
      {data.state === 'withdrawn' ? (
        <Alert color="gray" variant="light" title={t('application.withdrawnTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.decisionReasons}
          </Text>
        </Alert>
      ) : null}

      {data.closeNames.length > 0 && data.open ? (
        <Alert
          color="orange"
          variant="light"
          title={t('application.closeNamesTitle')}
          data-testid="close-names"
        >
          <Text size="sm">{t('application.closeNamesBody')}</Text>
          <List size="sm" mt={4}>
            {data.closeNames.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {data.open ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title={t('application.section.clock')} id="sec-clock">
            <Stack gap={6}>
              <Group gap="sm">
                <ClockBadge clock={data.clock} size="lg" />
                {data.clock?.paused ? (
                  <Text size="sm" c="dimmed">
                    {t('clock.stoppedHint')}
                  </Text>
                ) : null}
              </Group>
              {data.clock ? (
                <Text size="sm" c="dark.5">
                  {t('clock.summary', {
                    elapsed: data.clock.daysElapsed,
                    paused: data.clock.daysPaused,
                    due: dateText(data.clock.dueOn),
                  })}
                </Text>
              ) : null}
            </Stack>
          </Section>
          <Section title={t('application.section.actions')} id="sec-actions">
            <Stack gap="sm">
              {actions.length > 0 ? (
                <Group gap="sm" data-testid="application-actions">
                  {actions.map((action) => (
                    <Button
                      key={action}
                      variant={
                        action === 'approve'
                          ? 'filled'
                          : action === 'refuse'
                            ? 'outline'
                            : action === 'withdraw'
                              ? 'default'
                              : 'light'
                      }
                      color={
                        action === 'approve' ? 'green.8' : action === 'refuse' ? 'red.8' : undefined
                      }
                      loading={action === 'startScrutiny' && start.isPending}
                      onClick={() => {
                        setDone(null);
                        setFailure(null);
                        if (action !== 'startScrutiny') {
                          setOpen(action);
                          return;
                        }
                        start.mutate(
                          { id: data.id, baseVersion: data.version },
                          {
                            onSuccess: (saved) =>
                              onDone(saved, t('application.stepDone.startScrutiny')),
                            onError: (error) => setFailure(error.message),
                          },
                        );
                      }}
                    >
                      {t(`application.actions.${action}`)}
                    </Button>
                  ))}
                </Group>
              ) : null}
              {decideBlock ? (
                <Text size="sm" c={decideBlock === 'notRegistrar' ? 'dimmed' : 'orange.9'}>
                  {decideBlock === 'ownApplication'
                    ? t('application.ownApplication')
                    : decideBlock === 'otherOffice'
                      ? t('application.otherOffice', { office: officeName })
                      : t('application.clerkDecides', { office: officeName })}
                </Text>
              ) : null}
            </Stack>
          </Section>
        </SimpleGrid>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('application.section.society')} id="sec-app-society">
          <FieldList
            items={[
              { label: t('applicationForm.proposedName'), value: data.proposedName },
              { label: t('applicationForm.proposedNameMizo'), value: data.proposedNameMizo ?? '' },
              { label: t('application.type'), value: data.typeName },
              { label: t('application.address'), value: data.address },
              { label: t('application.village'), value: village?.name ?? '' },
              { label: t('application.district'), value: district?.name ?? '' },
              { label: t('application.office'), value: officeName },
            ]}
          />
        </Section>
        <Section title={t('application.section.receipt')} id="sec-app-receipt">
          <FieldList
            items={[
              {
                label: t('application.ackNo'),
                value: (
                  <Text span size="sm" ff="monospace">
                    {data.ackNo}
                  </Text>
                ),
              },
              { label: t('application.receivedOn'), value: dateText(data.receivedOn) },
              { label: t('application.mode'), value: t(`applicationForm.modes.${data.mode}`) },
              { label: t('application.receivedBy'), value: data.receivedByName },
              { label: t('application.feeReceiptNo'), value: data.feeReceiptNo ?? '' },
              { label: t('application.shareCapital'), value: rupeeText(data.shareCapitalPaise) },
              { label: t('application.bankCertificateRef'), value: data.bankCertificateRef ?? '' },
              {
                label: t('application.byLaws'),
                value: t(`applicationForm.byLawsOptions.${data.byLaws}`),
              },
            ]}
          />
        </Section>
      </SimpleGrid>

      <Section title={t('application.section.area')} id="sec-app-area">
        <Group gap={6}>
          {data.areaOfOperation.map((area) => (
            <Badge key={area.id} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {area.name}
            </Badge>
          ))}
        </Group>
      </Section>

      <Section title={t('application.section.promoters')} id="sec-app-promoters">
        <Text
          size="sm"
          c={data.promoters.length < data.minPromoters ? 'orange.8' : 'dimmed'}
          mb="xs"
        >
          {t('application.promotersCount', {
            count: data.promoters.length,
            min: data.minPromoters,
          })}
          {chief ? ` · ${t('slip.chief')}: ${chief.name}` : ''}
        </Text>
        <Table striped verticalSpacing={4} fz="sm" aria-labelledby="sec-app-promoters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('promoters.no')}</Table.Th>
              <Table.Th>{t('promoters.name')}</Table.Th>
              <Table.Th>{t('promoters.relationName')}</Table.Th>
              <Table.Th ta="right">{t('promoters.age')}</Table.Th>
              <Table.Th>{t('promoters.occupation')}</Table.Th>
              <Table.Th>{t('promoters.address')}</Table.Th>
              <Table.Th ta="right">{t('promoters.shares')}</Table.Th>
              <Table.Th ta="right">{t('promoters.amountPaid')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.promoters.map((promoter, index) => (
              <Table.Tr key={`${index}-${promoter.name}`}>
                <Table.Td c="dimmed">{index + 1}</Table.Td>
                <Table.Td fw={promoter.isChief ? 600 : undefined}>
                  <Group gap={6} wrap="nowrap">
                    {promoter.name}
                    {promoter.isChief ? (
                      <Badge size="xs" variant="light" radius="sm" tt="none">
                        {t('application.chiefBadge')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{promoter.relationName}</Table.Td>
                <Table.Td ta="right">{promoter.age}</Table.Td>
                <Table.Td>{promoter.occupation}</Table.Td>
                <Table.Td>{promoter.address}</Table.Td>
                <Table.Td ta="right">{promoter.shares}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {rupeeText(promoter.amountPaidPaise)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {data.open || data.checklist.some((item) => item.result !== null) ? (
        <ScrutinyChecklist
          application={data}
          editable={
            data.state === 'under_scrutiny' && canUse(user.role, 'applications.recordScrutiny')
          }
          onSaved={(saved) => onDone(saved, t('scrutiny.saved'))}
        />
      ) : null}

      <Section title={t('application.section.letters')} id="sec-app-letters">
        {data.deficiencyLetters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('application.noLetters')}
          </Text>
        ) : (
          <Stack gap="sm">
            {data.deficiencyLetters.map((letter) => (
              <Paper key={letter.id} withBorder radius="sm" p="sm" data-testid="deficiency-letter">
                <Group justify="space-between" gap="sm">
                  <Text size="sm" fw={600}>
                    {t('application.letterIssued', { date: dateText(letter.issuedOn) })}
                    <Text span size="sm" c="dimmed" ff="monospace" ml="sm">
                      {letter.letterNo}
                    </Text>
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    component={Link}
                    to={paths.deficiencyLetter(data.id, letter.id)}
                  >
                    {t('deficiencyLetter.print')}
                  </Button>
                </Group>
                <List size="sm" mt={4} spacing={2}>
                  {letter.items.map((item) => (
                    <List.Item key={item.code}>
                      <Text span size="sm" c="dimmed">
                        {item.label}:
                      </Text>{' '}
                      {item.note}
                    </List.Item>
                  ))}
                </List>
                {letter.replyOn ? (
                  <Text size="sm" mt={6}>
                    <Text span fw={600}>
                      {t('application.replyOn', { date: dateText(letter.replyOn) })}:
                    </Text>{' '}
                    {letter.replyNote}
                  </Text>
                ) : (
                  <Text size="sm" mt={6} c="orange.9">
                    {t('application.waitingReply')}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Section>

      <DocumentsSection ownerEntity="registration_application" ownerId={data.id} />

      {open === 'issueDeficiency' ? (
        <DeficiencyModal
          application={data}
          onClose={() => setOpen(null)}
          onDone={(saved) => {
            onDone(saved, t('application.stepDone.issueDeficiency'));
            // The letter is printed at once, as the acknowledgement slip is.
            const letter = saved.deficiencyLetters.at(-1);
            if (letter) {
              const state: IssuedLetterState = { issued: true };
              void navigate(paths.deficiencyLetter(saved.id, letter.id), { state });
            }
          }}
        />
      ) : null}
      {open === 'recordReply' ? (
        <ReplyModal
          application={data}
          onClose={() => setOpen(null)}
          onDone={(saved) => onDone(saved, t('application.stepDone.recordReply'))}
        />
      ) : null}
      {open === 'recordDeemed' ? (
        <DeemedModal
          application={data}
          onClose={() => setOpen(null)}
          onDone={(saved) => onDone(saved, null)}
        />
      ) : null}
      {open === 'withdraw' ? (
        <WithdrawModal
          application={data}
          onClose={() => setOpen(null)}
          onDone={(saved) => onDone(saved, t('application.stepDone.withdraw'))}
        />
      ) : null}
      {open === 'approve' || open === 'refuse' ? (
        <DecideApplicationModal
          application={data}
          decision={open}
          officeName={officeName}
          onClose={() => setOpen(null)}
          onDone={(saved) =>
            onDone(saved, saved.state === 'refused' ? t('application.stepDone.refuse') : null)
          }
        />
      ) : null}
    </Stack>
  );
}

/** After approval: the registration number, the society, and the certificate to print (or why not). */
export function ApprovedPanel({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation(['registration', 'certificates']);
  // Set by the state server when this office's own entry of the society was refused.
  const { entryRefused } = application;
  const unusedNumber = entryRefused?.regNo ?? null;
  const societyId = application.societyId ?? '';
  const society = useSociety(societyId);
  const certificates = useCertificates(societyId, societyId !== '');
  const registration = certificates.data?.find((row) => row.kind === 'registration');
  // A certificate that cannot be printed is not offered; one the state server refused says why.
  const certificate = registration?.printable ? registration : undefined;
  return (
    <Alert
      color="green"
      variant="light"
      data-testid="approved"
      title={
        society.data
          ? t('application.approvedTitle', { regNo: society.data.regNo })
          : application.state === 'deemed'
            ? t('application.deemedTitle')
            : t('application.approvedLoading')
      }
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="xs">
        {application.decidedByName ? (
          <Text size="sm">
            {t('application.approvedBody', {
              name: application.decidedByName,
              at: instantText(application.decidedAt),
            })}
          </Text>
        ) : null}
        {entryRefused ? (
          <Stack gap={4} data-testid="entry-refused">
            <Text size="sm" c="orange.9">
              {unusedNumber
                ? t('application.approvedEntryRefused', { ...entryRefused, regNo: unusedNumber })
                : t('application.approvedEntryRefusedUnnumbered', entryRefused)}
            </Text>
            {unusedNumber ? (
              <Text size="sm" c="orange.9" fw={600}>
                {t('application.approvedEntryRefusedRecall', { regNo: unusedNumber })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {registration?.voidReason ? (
          <Text size="sm" c="red.9" data-testid="certificate-not-valid">
            {t('application.certificateNotValid', {
              serial: registration.serial,
              reason: registration.voidReason,
            })}
          </Text>
        ) : null}
        {society.data?.regNoProvisional ? (
          <Text size="sm" c="orange.9" data-testid="provisional-number">
            {t('application.approvedProvisional')}
          </Text>
        ) : null}
        {society.isError ? (
          <Text size="sm" c="red.8">
            {society.error.message}
          </Text>
        ) : null}
        <Group gap="sm">
          {societyId ? (
            <Anchor component={Link} to={paths.society(societyId)} size="sm" fw={600}>
              {t('application.openSociety')}
            </Anchor>
          ) : null}
          {certificate ? (
            <PrintCertificateButton
              serial={certificate.serial}
              label={t('certificates:certificates.printCertificate')}
              size="sm"
              variant="filled"
            />
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}

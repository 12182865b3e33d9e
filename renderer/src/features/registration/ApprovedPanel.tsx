import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { instantText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { PrintCertificateButton, useCertificates } from '../certificates';
import { useSociety } from '../societies';

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

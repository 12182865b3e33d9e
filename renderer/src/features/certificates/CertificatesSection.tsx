import { Alert, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateRow } from '#shared/certificates/contract';
import { ErrorState } from '../../components/ErrorState';
import { Section } from '../../components/Section';
import { dateText } from '../../lib/format';
import { useCan } from '../../lib/session';
import { CertificateKind, CertificateStatus } from './CertificateStatus';
import { DuplicateModal } from './DuplicateModal';
import { PrintCertificateButton } from './PrintCertificateButton';
import { useCertificates } from './queries';

/** A society's certificates on its page: print any, and (registrars) issue a duplicate. */
export function CertificatesSection({ societyId }: { societyId: string }) {
  const { t } = useTranslation('certificates');
  const certificates = useCertificates(societyId);
  const canDuplicate = useCan('certificates.issueDuplicate');
  const [duplicating, setDuplicating] = useState<CertificateRow | null>(null);
  const [issued, setIssued] = useState<string | null>(null);

  let body;
  if (certificates.isPending) {
    body = <Skeleton height={60} aria-busy />;
  } else if (certificates.isError) {
    body = (
      <ErrorState
        title={t('certificates.loadError')}
        error={certificates.error}
        onRetry={() => void certificates.refetch()}
      />
    );
  } else if (certificates.data.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t('certificates.sectionEmpty')}
      </Text>
    );
  } else {
    body = (
      <Table striped verticalSpacing={6} fz="sm" aria-labelledby="sec-certificates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.col.serial')}</Table.Th>
            <Table.Th>{t('certificates.col.kind')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('certificates.col.issuedOn')}</Table.Th>
            <Table.Th>{t('certificates.col.registrar')}</Table.Th>
            <Table.Th>{t('certificates.col.status')}</Table.Th>
            <Table.Th>{t('certificates.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.data.map((certificate) => (
            <Table.Tr key={certificate.id} data-testid="certificate-row">
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {certificate.serial}
              </Table.Td>
              <Table.Td>
                <CertificateKind certificate={certificate} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(certificate.issuedOn)}</Table.Td>
              <Table.Td>{certificate.registrarName}</Table.Td>
              <Table.Td>
                <CertificateStatus certificate={certificate} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {certificate.printable ? (
                    <PrintCertificateButton serial={certificate.serial} />
                  ) : null}
                  {canDuplicate && certificate.duplicable ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setIssued(null);
                        setDuplicating(certificate);
                      }}
                    >
                      {t('certificates.issueDuplicate')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Section title={t('certificates.section')} id="sec-certificates">
      <Stack gap="sm">
        {issued ? (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setIssued(null)}
            title={t('certificates.duplicateIssued', { serial: issued })}
          />
        ) : null}
        {body}
      </Stack>
      {duplicating ? (
        <DuplicateModal
          certificate={duplicating}
          onClose={() => setDuplicating(null)}
          onIssued={(duplicate) => {
            setDuplicating(null);
            setIssued(duplicate.serial);
          }}
        />
      ) : null}
    </Section>
  );
}

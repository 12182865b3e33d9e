import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateRow } from '#shared/certificates/contract';
import { dateText } from '../../lib/format';

/**
 * "In force"; "Not valid" with the reason, when the state server did not take it in; or
 * "Revoked" with the date and the reason. Each badge is as wide as its words
 * (`w="max-content"`): a table squeezing the column must not cut "In force" to "In f…".
 */
export function CertificateStatus({ certificate }: { certificate: CertificateRow }) {
  const { t } = useTranslation('certificates');
  if (certificate.voidReason) {
    return (
      <Stack gap={2}>
        <Badge color="red" variant="filled" radius="sm" tt="none" size="sm" w="max-content">
          {t('certificates.notValid')}
        </Badge>
        <Text size="xs" c="red.9">
          {t('certificates.refusedBecause', { reason: certificate.voidReason })}
        </Text>
      </Stack>
    );
  }
  if (!certificate.revokedAt) {
    return (
      <Badge color="green" variant="light" radius="sm" tt="none" size="sm" w="max-content">
        {t('certificates.inForce')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="red" variant="filled" radius="sm" tt="none" size="sm" w="max-content">
        {t('certificates.revoked')}
      </Badge>
      {/* The date under the badge, not in it, keeps the badge (and its column) narrow. */}
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('certificates.revokedOn', { date: dateText(certificate.revokedAt.slice(0, 10)) })}
      </Text>
      {certificate.revokedReason ? (
        <Text size="xs" c="dimmed">
          {certificate.revokedReason}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Registration", or "Duplicate of RC/…". */
export function CertificateKind({ certificate }: { certificate: CertificateRow }) {
  const { t } = useTranslation('certificates');
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`certificates.kind.${certificate.kind}`)}</Text>
      {certificate.duplicateOf ? (
        // The serial it duplicates is never broken across lines.
        <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {t('certificates.duplicateOf', { serial: certificate.duplicateOf })}
        </Text>
      ) : null}
    </Stack>
  );
}

import { Box, Group, Paper, Stack, Text, ThemeIcon, Title, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verification } from '#shared/certificates/contract';
import { FieldList } from '../../components/FieldList';
import { dateText } from '../../lib/format';

const tones: Record<
  Verification['status'],
  {
    color: MantineColor;
    mark: string;
    title: 'valid' | 'altered' | 'revoked' | 'void' | 'unknownKey' | 'unreadable';
  }
> = {
  valid: { color: 'green', mark: '✓', title: 'valid' },
  altered: { color: 'red', mark: '✕', title: 'altered' },
  revoked: { color: 'red', mark: '✕', title: 'revoked' },
  void: { color: 'red', mark: '✕', title: 'void' },
  unknown_key: { color: 'orange', mark: '?', title: 'unknownKey' },
  unreadable: { color: 'gray', mark: '–', title: 'unreadable' },
};

/** The verdict on a scanned code, large enough to read across the counter. */
export function VerifyResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation(['certificates', 'audits']);
  const tone = tones[verification.status];
  const claims = verification.claims;
  const body = {
    valid: () => t('verify.validBody'),
    altered: () => t('verify.alteredBody'),
    revoked: () =>
      t('verify.revokedBody', { reason: verification.revokedReason ?? t('common.none') }),
    void: () => t('verify.voidBody', { reason: verification.voidReason ?? '' }),
    unknown_key: () => t('verify.unknownKeyBody'),
    unreadable: () => t('verify.unreadableBody'),
  }[verification.status]();
  // Particulars are shown for a code the office signed (so the clerk sees which certificate is
  // not to be accepted); an altered one's claims cannot be trusted.
  const showClaims =
    claims &&
    (verification.status === 'valid' ||
      verification.status === 'revoked' ||
      verification.status === 'void');
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      data-testid="verify-result"
      data-status={verification.status}
      role="status"
      aria-live="polite"
      bg={`${tone.color}.0`}
      style={{ borderColor: `var(--mantine-color-${tone.color}-5)`, borderWidth: 2 }}
    >
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" align="center">
          <ThemeIcon color={`${tone.color}.7`} size={56} radius="xl" aria-hidden>
            <Text fz={30} fw={700} c="white" lh={1}>
              {tone.mark}
            </Text>
          </ThemeIcon>
          <Stack gap={2} miw={0}>
            <Title order={2} size="h2" c={`${tone.color}.9`} lh={1.2}>
              {t(`verify.${tone.title}`)}
            </Title>
            <Text size="sm" c="dark.6">
              {body}
            </Text>
          </Stack>
        </Group>
        {showClaims ? (
          <Box bg="white" p="md" style={{ borderRadius: 8 }}>
            <FieldList
              labelWidth={200}
              items={[
                {
                  label: t('verify.claims.societyName'),
                  value: (
                    <Text span size="md" fw={650}>
                      {claims.societyName}
                    </Text>
                  ),
                },
                {
                  label: t('verify.claims.regNo'),
                  value: (
                    <Text span size="sm" ff="monospace">
                      {claims.regNo}
                    </Text>
                  ),
                },
                { label: t('verify.claims.registeredOn'), value: dateText(claims.registeredOn) },
                { label: t('verify.claims.issuedOn'), value: dateText(claims.issuedOn) },
                {
                  label: t('verify.claims.serial'),
                  value: (
                    <Text span size="sm" ff="monospace">
                      {claims.serial}
                    </Text>
                  ),
                },
                { label: t('verify.claims.officeCode'), value: claims.officeCode },
                { label: t('verify.claims.kind'), value: t(`certificates.kind.${claims.kind}`) },
                ...(claims.auditFy && claims.grade
                  ? [
                      { label: t('verify.claims.auditFy'), value: claims.auditFy },
                      {
                        label: t('verify.claims.grade'),
                        value: (
                          <Text span size="md" fw={700}>
                            {t('audits:audits.gradeClass', { grade: claims.grade })}
                          </Text>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Box>
        ) : null}
      </Stack>
    </Paper>
  );
}

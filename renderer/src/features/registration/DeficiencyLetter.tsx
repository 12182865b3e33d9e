import { Alert, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { ApplicationDocument } from './ApplicationDocument';
import { PrintableDocument, SignatureBlock } from '../../components/PrintableDocument';

/** Location state the application page leaves when it has just recorded the letter. */
export interface IssuedLetterState {
  issued: boolean;
}

/**
 * A deficiency letter to the chief promoter, ready to print: what the scrutiny found
 * wanting, and that the statutory clock stands stopped until the reply.
 */
export function DeficiencyLetter({ id, letterId }: { id: string; letterId: string }) {
  const { t } = useTranslation('registration');
  const location = useLocation();
  const justIssued = Boolean((location.state as IssuedLetterState | null)?.issued);
  return (
    <ApplicationDocument id={id}>
      {(data, reference, office) => {
        const letter = data.deficiencyLetters.find((candidate) => candidate.id === letterId);
        if (!letter) {
          return (
            <Alert color="yellow" variant="light" maw={760}>
              {t('deficiencyLetter.notFound')}
            </Alert>
          );
        }
        const chief = data.promoters.find((promoter) => promoter.isChief);
        return (
          <PrintableDocument
            stateName={reference.stateName}
            office={office}
            title={t('deficiencyLetter.title')}
            backTo={paths.application(data.id)}
            backLabel={t('slip.openApplication')}
            testId="deficiency-letter-document"
            notice={
              justIssued ? (
                <Alert
                  color="green"
                  variant="light"
                  role="status"
                  title={t('deficiencyLetter.issued')}
                />
              ) : null
            }
          >
            <Stack gap="md">
              <Group justify="space-between">
                <Text size="sm" ff="monospace" fw={600} data-testid="letter-no">
                  {t('deficiencyLetter.letterNo')} {letter.letterNo}
                </Text>
                <Text size="sm" fw={600}>
                  {t('deficiencyLetter.date')}: {dateText(letter.issuedOn)}
                </Text>
              </Group>
              <Stack gap={0}>
                <Text size="sm">{t('deficiencyLetter.to')}</Text>
                <Text size="sm" fw={600}>
                  {chief?.name ?? ''}
                </Text>
                <Text size="sm">
                  {t('deficiencyLetter.chiefPromoter', { name: data.proposedName })}
                </Text>
                <Text size="sm">{chief?.address || data.address}</Text>
              </Stack>
              <Text size="sm" fw={700}>
                {t('deficiencyLetter.subject', {
                  name: data.proposedName,
                  ackNo: data.ackNo,
                  receivedOn: dateText(data.receivedOn),
                })}
              </Text>
              <Text size="sm">{t('deficiencyLetter.body')}</Text>
              <Box component="ol" m={0} pl={24} data-testid="letter-items">
                {letter.items.map((item) => (
                  <Box component="li" key={item.code} mb={8}>
                    <Text size="sm" fw={600}>
                      {item.label}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {item.note}
                    </Text>
                  </Box>
                ))}
              </Box>
              <Text size="sm">{t('deficiencyLetter.clock')}</Text>
              <SignatureBlock
                name={letter.issuedByName}
                office={
                  office
                    ? `${t('deficiencyLetter.signedFor')}, ${office.shortName}`
                    : t('deficiencyLetter.signedFor')
                }
              />
            </Stack>
          </PrintableDocument>
        );
      }}
    </ApplicationDocument>
  );
}

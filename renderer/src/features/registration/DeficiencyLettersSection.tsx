import { Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { Section } from '../../components/Section';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';

/** The deficiency letters issued, each with its items and the society's reply (or none yet). */
export function DeficiencyLettersSection({
  application: data,
}: {
  application: ApplicationDetail;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
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
  );
}

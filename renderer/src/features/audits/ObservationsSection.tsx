import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DefectActionKind } from '#shared/audits/audits';
import type { AuditDetail, AuditObservation } from '#shared/audits/contract';
import { Section } from '../../components/Section';
import { ObservationCard } from './ObservationCard';

/** The report's observations and defects, and Add while the auditor may still write it. */
export function ObservationsSection({
  audit: data,
  editable,
  followUp,
  canVerify,
  onEdit,
  onAdd,
  onAction,
}: {
  audit: AuditDetail;
  editable: boolean;
  followUp: boolean;
  canVerify: boolean;
  onEdit: (observation: AuditObservation) => void;
  onAdd: () => void;
  onAction: (observation: AuditObservation, action: DefectActionKind) => void;
}) {
  const { t } = useTranslation('audits');
  return (
    <Section title={t('audits.observation.title')} id="sec-audit-observations">
      <Stack gap="sm">
        {data.observations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('audits.observation.none')}
          </Text>
        ) : (
          data.observations.map((observation) => (
            <ObservationCard
              key={observation.id}
              observation={observation}
              editable={editable}
              followUp={followUp}
              canVerify={canVerify}
              onEdit={() => onEdit(observation)}
              onAction={(action) => onAction(observation, action)}
            />
          ))
        )}
        {editable ? (
          <Group>
            <Button variant="light" onClick={onAdd}>
              {t('audits.observation.add')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}

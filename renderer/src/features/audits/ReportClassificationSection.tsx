import { Badge, Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gradeOf } from '#shared/audits/audits';
import type { AuditDetail } from '#shared/audits/contract';
import { Section } from '../../components/Section';
import { GradeBadge } from './AuditBadges';

/** The classification by the rubric: marks per criterion, and the grade worked out as they are typed. */
export function ReportClassificationSection({
  detail,
  readOnly,
  scores,
  texts,
  problems,
  onChange,
}: {
  detail: AuditDetail;
  readOnly: boolean;
  /** The marks of the report, by criterion code. */
  scores: Record<string, number>;
  /** The marks as typed, by criterion code. */
  texts: Record<string, string>;
  /** What is wrong, by field path (`scores.<code>`). */
  problems: Record<string, string>;
  onChange: (code: string, text: string) => void;
}) {
  const { t } = useTranslation(['audits', 'societies']);
  const result = gradeOf(detail.rubric, scores);
  return (
    <Section title={t('audits.form.classification')} id="sec-audit-classification">
      <Table verticalSpacing={4} fz="sm" aria-label={t('audits.form.classification')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audits.form.criterion')}</Table.Th>
            <Table.Th ta="right" w={110}>
              {t('audits.form.maxMarks')}
            </Table.Th>
            <Table.Th w={150}>{t('audits.form.marks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.rubric.criteria.map((criterion) => (
            <Table.Tr key={criterion.code}>
              <Table.Td>{criterion.label}</Table.Td>
              <Table.Td ta="right">{criterion.maxMarks}</Table.Td>
              <Table.Td>
                {readOnly ? (
                  <Text size="sm" fw={600} ta="right" pr="md">
                    {scores[criterion.code] ?? '—'}
                  </Text>
                ) : (
                  <NumberInput
                    aria-label={t('audits.form.marksFor', { criterion: criterion.label })}
                    value={texts[criterion.code] ?? ''}
                    onChange={(value) => onChange(criterion.code, String(value))}
                    min={0}
                    max={criterion.maxMarks}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    hideControls
                    error={problems[`scores.${criterion.code}`]}
                    size="sm"
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm" data-testid="grade-line">
        <Text size="sm" c="dimmed">
          {t('audits.form.scale', {
            a: detail.rubric.thresholds.aAbove,
            b: detail.rubric.thresholds.bFrom,
            c: detail.rubric.thresholds.cFrom,
            from: detail.rubric.fromFy,
          })}
        </Text>
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('audits.form.marksTotal', {
              total: result.total,
              max: result.max,
              percent: result.percent.toFixed(2),
            })}
          </Text>
          {result.grade ? (
            <GradeBadge grade={result.grade} size="lg" />
          ) : (
            <Badge variant="outline" color="gray" tt="none" size="lg">
              {t('audits.form.ungraded', { count: result.missing.length })}
            </Badge>
          )}
        </Group>
      </Group>
    </Section>
  );
}

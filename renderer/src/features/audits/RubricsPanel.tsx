import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMON_THRESHOLDS, rubricSchema } from '#shared/audits/audits';
import { financialYearOf, indiaDate } from '#shared/domain/dates';
import { recentFinancialYears } from '#shared/returns/returns';
import type { RubricView } from '#shared/audits/contract';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { useRequest } from '../../lib/backend';
import { showServerErrors } from '../../lib/form-errors';
import { useCan } from '../../lib/session';
import { auditKeys, useAuditRubrics } from './queries';
import { useReferenceData } from '../reference';

/**
 * The audit rubrics: for which society types, from which year, the criteria with their
 * maximum marks and the grade cut-offs. The administrator adds and changes them; a rubric
 * that already graded a submitted audit is kept as it is and superseded from a later year.
 */
export function RubricsPanel() {
  const { t } = useTranslation(['audits', 'reference']);
  const rubrics = useAuditRubrics();
  const canEdit = useCan('audits.saveRubric');
  const [editing, setEditing] = useState<RubricView | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (rubrics.isError) {
    return (
      <ErrorState
        title={t('reference:reference.loadError')}
        error={rubrics.error}
        onRetry={() => void rubrics.refetch()}
      />
    );
  }
  if (rubrics.isPending) return <Skeleton height={300} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={820}>
          {done ?? t('rubrics.intro')}
        </Text>
        {canEdit ? (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('rubrics.add')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        {rubrics.data.map((rubric) => {
          const max = rubric.criteria.reduce((sum, c) => sum + c.maxMarks, 0);
          return (
            <Paper key={rubric.id} withBorder radius="md" p="md" data-testid="rubric">
              <Group justify="space-between" align="flex-start" mb="xs">
                <Stack gap={2}>
                  <Title order={3} size="h5">
                    {rubric.scopeName}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('rubrics.fromYear', { fy: rubric.fromFy })} ·{' '}
                    {t('rubrics.scale', {
                      a: rubric.thresholds.aAbove,
                      b: rubric.thresholds.bFrom,
                      c: rubric.thresholds.cFrom,
                    })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {rubric.gradedAudits > 0 ? (
                    <Badge variant="light" color="gray" tt="none">
                      {t('rubrics.graded', { count: rubric.gradedAudits })}
                    </Badge>
                  ) : null}
                  {canEdit && rubric.gradedAudits === 0 ? (
                    <Button size="xs" variant="default" onClick={() => setEditing(rubric)}>
                      {t('rubrics.change')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
              <Table fz="sm" verticalSpacing={3}>
                <Table.Tbody>
                  {rubric.criteria.map((criterion) => (
                    <Table.Tr key={criterion.code}>
                      <Table.Td>{criterion.label}</Table.Td>
                      <Table.Td ta="right" w={70}>
                        {criterion.maxMarks}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('audits.total')}</Table.Th>
                    <Table.Th ta="right">{max}</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Paper>
          );
        })}
      </SimpleGrid>
      {editing ? (
        <RubricEditor
          rubric={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setDone(message);
          }}
        />
      ) : null}
    </Stack>
  );
}

interface RubricValues {
  scope: string;
  fromFy: string;
  criteria: { code: string; label: string; maxMarks: number | string }[];
  aAbove: number | string;
  bFrom: number | string;
  cFrom: number | string;
}

/** A criterion's code from its words: "Recovery of loans" → "recovery_of_loans". */
function codeOf(label: string): string {
  const code = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 40);
  return /^[a-z]/u.test(code) ? code : `c_${code}`.slice(0, 40);
}

function RubricEditor({
  rubric,
  onClose,
  onDone,
}: {
  rubric: RubricView | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(['audits', 'reference']);
  const reference = useReferenceData();
  const queryClient = useQueryClient();
  const save = useRequest('audits.saveRubric', (rubrics) =>
    queryClient.setQueryData(auditKeys.rubrics(), rubrics),
  );
  const [banner, setBanner] = useState<string | null>(null);
  const today = indiaDate(new Date());
  const years = [financialYearOf(today), ...recentFinancialYears(today, 12)];
  const { control, register, handleSubmit, setError, formState } = useForm<RubricValues>({
    defaultValues: rubric
      ? {
          scope: rubric.scope,
          fromFy: rubric.fromFy,
          criteria: rubric.criteria,
          aAbove: rubric.thresholds.aAbove,
          bFrom: rubric.thresholds.bFrom,
          cFrom: rubric.thresholds.cFrom,
        }
      : {
          scope: '',
          fromFy: financialYearOf(today),
          criteria: [{ code: '', label: '', maxMarks: 10 }],
          ...COMMON_THRESHOLDS,
        },
  });
  const criteria = useFieldArray({ control, name: 'criteria' });
  const total = useWatch({ control, name: 'criteria' }).reduce(
    (sum, c) => sum + (Number(c.maxMarks) || 0),
    0,
  );
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    const parsed = rubricSchema.safeParse({
      criteria: values.criteria.map((c) => ({
        code: c.code || codeOf(c.label),
        label: c.label,
        maxMarks: Number(c.maxMarks),
      })),
      thresholds: {
        aAbove: Number(values.aAbove),
        bFrom: Number(values.bFrom),
        cFrom: Number(values.cFrom),
      },
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, index, field] = issue.path;
        if (first === 'criteria' && typeof index === 'number' && typeof field === 'string') {
          setError(`criteria.${index}.${field === 'code' ? 'label' : (field as 'label')}`, {
            message: issue.message,
          });
        } else {
          setBanner(issue.message);
        }
      }
      return;
    }
    try {
      await save.mutateAsync({
        ...(rubric ? { id: rubric.id, baseVersion: rubric.version } : {}),
        scope: values.scope,
        fromFy: values.fromFy,
        rubric: parsed.data,
      });
      onDone(rubric ? t('rubrics.changed') : t('rubrics.added'));
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['scope', 'fromFy'] as const));
    }
  });
  return (
    <FormModal
      title={rubric ? t('rubrics.changeTitle') : t('rubrics.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      banner={banner}
      submitLabel={t('rubrics.save')}
      submitting={formState.isSubmitting}
      size="xl"
    >
      <Group gap="md" align="flex-start">
        <Controller
          control={control}
          name="scope"
          render={({ field }) => (
            <Select
              label={t('rubrics.scope')}
              data={[
                { value: '', label: t('rubrics.everyType') },
                ...(reference.data?.societyTypes ?? []).map((type) => ({
                  value: type.code,
                  label: type.name,
                })),
              ]}
              value={field.value}
              onChange={(value) => field.onChange(value ?? '')}
              error={formState.errors.scope?.message}
              allowDeselect={false}
              searchable
              w={360}
              data-autofocus
            />
          )}
        />
        <Controller
          control={control}
          name="fromFy"
          render={({ field }) => (
            <Select
              label={t('rubrics.fromFy')}
              data={[...new Set(years)]}
              value={field.value}
              onChange={(value) => field.onChange(value ?? '')}
              error={formState.errors.fromFy?.message}
              allowDeselect={false}
              w={150}
            />
          )}
        />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('rubrics.criteria')}
        </Text>
        {criteria.fields.map((row, index) => (
          <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              {...register(`criteria.${index}.label`)}
              aria-label={t('rubrics.criterionLabel', { number: index + 1 })}
              placeholder={t('rubrics.criterionPlaceholder')}
              error={formState.errors.criteria?.[index]?.label?.message}
              style={{ flex: 1 }}
            />
            <Controller
              control={control}
              name={`criteria.${index}.maxMarks`}
              render={({ field }) => (
                <NumberInput
                  aria-label={t('rubrics.maxMarksOf', { number: index + 1 })}
                  value={field.value}
                  onChange={field.onChange}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  error={formState.errors.criteria?.[index]?.maxMarks?.message}
                  w={100}
                />
              )}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('rubrics.remove', { number: index + 1 })}
              disabled={criteria.fields.length === 1}
              onClick={() => criteria.remove(index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => criteria.append({ code: '', label: '', maxMarks: 10 })}
          >
            {t('rubrics.addCriterion')}
          </Button>
          <Text size="sm" fw={600}>
            {t('rubrics.totalMarks', { total })}
          </Text>
        </Group>
      </Stack>
      <Group gap="md">
        {(['aAbove', 'bFrom', 'cFrom'] as const).map((name) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <NumberInput
                label={t(`rubrics.threshold.${name}`)}
                value={field.value}
                onChange={field.onChange}
                min={0}
                max={100}
                suffix=" %"
                w={150}
              />
            )}
          />
        ))}
      </Group>
    </FormModal>
  );
}

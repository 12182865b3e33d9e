import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import {
  gradeOf,
  marksProblem,
  statementTotals,
  SUMMARY_MAX_LENGTH,
  type StatementHead,
} from '#shared/audits/audits';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { DateInput } from '../../components/DateInput';
import { isoToDayMonthYear, parseDayMonthYear } from '../../components/date-text';
import { MoneyInput } from '../../components/MoneyInput';
import { paiseToRupeeText, rupeeTextToPaise } from '../../components/money-text';
import { Section } from '../../components/Section';
import { isBackendError } from '../../lib/backend';
import { dateText, instantText, rupeeText } from '../../lib/format';
import { FieldList } from '../../components/FieldList';
import { GradeBadge } from './AuditBadges';

/** How long the auditor may pause typing before what they typed is saved. */
const AUTOSAVE_AFTER_MS = 1200;

/** The report as typed: text fields, so nothing the auditor typed is rewritten under them. */
interface Draft {
  fieldworkFrom: string;
  fieldworkTo: string;
  statements: Record<string, string>;
  scores: Record<string, string>;
  summary: string;
}

function draftOf(detail: AuditDetail): Draft {
  // Heads of another kind of society (its type changed since) have no field to clear them
  // with, so they are left out rather than blocking every save.
  const heads = new Set(
    Object.values(detail.statementHeads).flatMap((list: StatementHead[]) =>
      list.map((h) => h.code),
    ),
  );
  return {
    fieldworkFrom: isoToDayMonthYear(detail.fieldworkFrom),
    fieldworkTo: isoToDayMonthYear(detail.fieldworkTo),
    statements: Object.fromEntries(
      Object.entries(detail.statements)
        .filter(([code]) => heads.has(code))
        .map(([code, paise]) => [code, paiseToRupeeText(paise)]),
    ),
    scores: Object.fromEntries(
      Object.entries(detail.scores).map(([code, marks]) => [code, String(marks)]),
    ),
    summary: detail.summary ?? '',
  };
}

/** The draft as the contract's report, and what is wrong with it field by field. */
function reportOf(
  draft: Draft,
  detail: AuditDetail,
  t: TFunction<'audits'>,
): { report: AuditReport; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const date = (field: 'fieldworkFrom' | 'fieldworkTo') => {
    const text = draft[field];
    if (text.trim() === '') return null;
    const iso = parseDayMonthYear(text);
    if (!iso) problems[field] = t('audits.form.badDate');
    return iso ?? null;
  };
  const statements: Record<string, number> = {};
  for (const [code, text] of Object.entries(draft.statements)) {
    const paise = rupeeTextToPaise(text);
    if (paise === undefined || (paise !== null && paise < 0)) {
      problems[`statements.${code}`] = t('audits.form.badAmount');
    } else if (paise !== null) statements[code] = paise;
  }
  const scores: Record<string, number> = {};
  for (const criterion of detail.rubric.criteria) {
    const text = (draft.scores[criterion.code] ?? '').trim();
    if (text === '') continue;
    const marks = Number(text);
    const problem = Number.isNaN(marks)
      ? t('audits.form.badMarks')
      : marksProblem(marks, criterion);
    if (problem) problems[`scores.${criterion.code}`] = problem;
    else scores[criterion.code] = marks;
  }
  if (draft.summary.length > SUMMARY_MAX_LENGTH) problems['summary'] = t('audits.form.summaryLong');
  return {
    report: {
      fieldworkFrom: date('fieldworkFrom'),
      fieldworkTo: date('fieldworkTo'),
      statements,
      scores,
      summary: draft.summary.trim() === '' ? null : draft.summary,
    },
    problems,
  };
}

/** What saving what is typed came to: nothing to save, saved, or not saved (and why, on screen). */
export type FlushResult =
  { kind: 'clean' } | { kind: 'saved'; detail: AuditDetail } | { kind: 'unsaved' };

export interface AuditReportHandle {
  /** Saves what is typed now, if anything is unsaved. */
  flush: () => Promise<FlushResult>;
}

type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/**
 * The auditor's report: field work, the classification by the rubric with the grade
 * worked out as marks are typed, the balance sheet and the profit-and-loss account, and
 * general remarks. What is typed is saved by itself a moment after typing stops (and on
 * Ctrl+S) into the laptop's own database: no network is needed and a power cut loses
 * nothing already saved. Read-only for everyone but the assigned auditor while it is open.
 */
export function AuditReportForm({
  detail,
  readOnly,
  save,
  ref,
}: {
  detail: AuditDetail;
  readOnly: boolean;
  save: (input: { id: string; baseVersion: number; report: AuditReport }) => Promise<AuditDetail>;
  ref?: Ref<AuditReportHandle>;
}) {
  const { t } = useTranslation(['audits', 'societies']);
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const version = useRef(detail.version);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const running = useRef<Promise<FlushResult> | null>(null);
  // Read-only, the report is the one saved, not a draft kept from when the page opened.
  const shownDraft = readOnly ? draftOf(detail) : draft;
  const { report, problems } = reportOf(shownDraft, detail, t);
  const shown = { ...serverProblems, ...problems };

  const saveNow = useCallback(async (): Promise<FlushResult> => {
    if (running.current) await running.current;
    if (!dirty.current) return { kind: 'clean' };
    const checked = reportOf(latest.current, detail, t);
    if (Object.keys(checked.problems).length > 0) {
      setState({ kind: 'invalid' });
      return { kind: 'unsaved' };
    }
    dirty.current = false;
    setState({ kind: 'saving' });
    const attempt = (async (): Promise<FlushResult> => {
      try {
        const saved = await save({
          id: detail.id,
          baseVersion: version.current,
          report: checked.report,
        });
        version.current = saved.version;
        setServerProblems({});
        setState(
          dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: new Date().toISOString() },
        );
        return { kind: 'saved', detail: saved };
      } catch (failure) {
        dirty.current = true;
        if (isBackendError(failure) && Object.keys(failure.fields).length > 0) {
          setServerProblems(failure.fields);
          setState({ kind: 'invalid' });
        } else {
          setState({
            kind: 'failed',
            message: failure instanceof Error ? failure.message : String(failure),
          });
        }
        return { kind: 'unsaved' };
      } finally {
        running.current = null;
      }
    })();
    running.current = attempt;
    return attempt;
  }, [detail, save, t]);

  useImperativeHandle(ref, () => ({ flush: saveNow }), [saveNow]);

  // Saves a moment after the last keystroke.
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [draft, saveNow]);

  // Leaving the page saves what is still unsaved.
  useEffect(() => () => void saveNow(), [saveNow]);

  // What cannot be saved (a field to correct, a refusal) would be lost by leaving: ask first.
  const unsaved = state.kind === 'invalid' || state.kind === 'failed';
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  // Ctrl+S works from inside a field (no tags ignored), where the auditor always is.
  useHotkeys([['mod+S', () => void saveNow()]], []);

  const change = (next: Draft) => {
    latest.current = next;
    dirty.current = true;
    setState({ kind: 'dirty' });
    setDraft(next);
  };
  const setStatement = (code: string, text: string) =>
    change({ ...latest.current, statements: { ...latest.current.statements, [code]: text } });
  const setScore = (code: string, text: string) =>
    change({ ...latest.current, scores: { ...latest.current.scores, [code]: text } });

  const result = gradeOf(detail.rubric, report.scores);
  const totals = statementTotals(detail.statementHeads, report.statements);

  const headInputs = (heads: StatementHead[], title: string, total: number) => (
    <Stack gap={6}>
      <Text size="sm" fw={650} c="dark.6">
        {title}
      </Text>
      {readOnly ? (
        // Read, not filled in: only the heads with an amount, as on the printed accounts.
        <Table fz="sm" verticalSpacing={3} aria-label={title}>
          <Table.Tbody>
            {heads
              .filter((head) => report.statements[head.code] !== undefined)
              .map((head) => (
                <Table.Tr key={head.code}>
                  <Table.Td>{head.label}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {rupeeText(report.statements[head.code])}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {(readOnly ? [] : heads).map((head) => (
        <MoneyInput
          key={head.code}
          label={head.label}
          value={shownDraft.statements[head.code] ?? ''}
          onChange={(text) => setStatement(head.code, text)}
          error={shown[`statements.${head.code}`]}
          size="sm"
          styles={{ label: { fontWeight: 400 } }}
        />
      ))}
      <Group
        justify="space-between"
        pt={4}
        style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}
      >
        <Text size="sm" fw={650}>
          {t('audits.form.total')}
        </Text>
        <Text size="sm" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {rupeeText(total)}
        </Text>
      </Group>
    </Stack>
  );

  return (
    <Stack gap="md">
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('societies:form.unsavedTitle')}
        centered
      >
        <Text size="sm">{t('audits.form.unsavedBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('societies:form.keepEditing')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('societies:form.discard')}
          </Button>
        </Group>
      </Modal>
      {readOnly ? null : (
        <Group gap="xs" justify="flex-end" data-testid="save-state" aria-live="polite">
          <SaveIndicator state={state} />
        </Group>
      )}
      <Section title={t('audits.form.fieldwork')} id="sec-audit-fieldwork">
        {readOnly ? (
          <FieldList
            items={[
              { label: t('audits.form.fieldworkFrom'), value: dateText(report.fieldworkFrom) },
              { label: t('audits.form.fieldworkTo'), value: dateText(report.fieldworkTo) },
            ]}
          />
        ) : (
          <Group gap="md" align="flex-start">
            <DateInput
              label={t('audits.form.fieldworkFrom')}
              value={shownDraft.fieldworkFrom}
              onChange={(text) => change({ ...latest.current, fieldworkFrom: text })}
              error={shown['fieldworkFrom']}
              w={180}
            />
            <DateInput
              label={t('audits.form.fieldworkTo')}
              value={shownDraft.fieldworkTo}
              onChange={(text) => change({ ...latest.current, fieldworkTo: text })}
              error={shown['fieldworkTo']}
              w={180}
            />
          </Group>
        )}
      </Section>

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
                      {report.scores[criterion.code] ?? '—'}
                    </Text>
                  ) : (
                    <NumberInput
                      aria-label={t('audits.form.marksFor', { criterion: criterion.label })}
                      value={shownDraft.scores[criterion.code] ?? ''}
                      onChange={(value) => setScore(criterion.code, String(value))}
                      min={0}
                      max={criterion.maxMarks}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="none"
                      hideControls
                      error={shown[`scores.${criterion.code}`]}
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

      <Section title={t('audits.form.balanceSheet')} id="sec-audit-balance-sheet">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          {headInputs(
            detail.statementHeads.liabilities,
            t('audits.form.liabilities'),
            totals.liabilitiesPaise,
          )}
          {headInputs(detail.statementHeads.assets, t('audits.form.assets'), totals.assetsPaise)}
        </SimpleGrid>
        {totals.liabilitiesPaise + totals.assetsPaise > 0 ? (
          <Alert
            mt="sm"
            variant="light"
            color={totals.balanced ? 'green' : 'orange'}
            data-testid="balance-check"
            title={
              totals.balanced
                ? t('audits.form.balanced')
                : t('audits.form.notBalanced', {
                    difference: rupeeText(Math.abs(totals.liabilitiesPaise - totals.assetsPaise)),
                  })
            }
          />
        ) : null}
      </Section>

      <Section title={t('audits.form.profitAndLoss')} id="sec-audit-profit-loss">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          {headInputs(detail.statementHeads.income, t('audits.form.income'), totals.incomePaise)}
          {headInputs(
            detail.statementHeads.expenditure,
            t('audits.form.expenditure'),
            totals.expenditurePaise,
          )}
        </SimpleGrid>
        <Text size="sm" fw={650} mt="sm" c={totals.netProfitPaise < 0 ? 'red.8' : 'green.8'}>
          {totals.netProfitPaise < 0
            ? t('audits.form.netLoss', { amount: rupeeText(-totals.netProfitPaise) })
            : t('audits.form.netProfit', { amount: rupeeText(totals.netProfitPaise) })}
        </Text>
      </Section>

      <Section title={t('audits.form.summary')} id="sec-audit-summary">
        {readOnly ? (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap' }}
            c={shownDraft.summary ? undefined : 'dimmed'}
          >
            {shownDraft.summary || t('common.none')}
          </Text>
        ) : (
          <Textarea
            aria-label={t('audits.form.summary')}
            description={t('audits.form.summaryHint')}
            value={shownDraft.summary}
            onChange={(event) => change({ ...latest.current, summary: event.currentTarget.value })}
            error={shown['summary']}
            autosize
            minRows={3}
            maxRows={12}
          />
        )}
      </Section>
    </Stack>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation(['audits', 'societies']);
  switch (state.kind) {
    case 'saved':
      return (
        <Text size="sm" c="dimmed">
          {state.at
            ? t('audits.form.savedAt', { at: instantText(state.at) })
            : t('audits.form.upToDate')}
        </Text>
      );
    case 'dirty':
      return (
        <Text size="sm" c="dimmed">
          {t('audits.form.unsaved')}
        </Text>
      );
    case 'saving':
      return (
        <Text size="sm" c="dimmed">
          {t('audits.form.saving')}
        </Text>
      );
    case 'invalid':
      return (
        <Text size="sm" c="orange.8" role="status">
          {t('audits.form.fixToSave')}
        </Text>
      );
    case 'failed':
      return (
        <Text size="sm" c="red.8" role="alert">
          {t('audits.form.saveFailed', { message: state.message })}
        </Text>
      );
  }
}

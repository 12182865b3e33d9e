import { Alert, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { statementTotals } from '#shared/audits/audits';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { DateInput } from '../../components/DateInput';
import { FieldList } from '../../components/FieldList';
import { UnsavedChangesModal } from '../../components/UnsavedChangesModal';
import { Section } from '../../components/Section';
import { dateText, rupeeText } from '../../lib/format';
import { ReportClassificationSection } from './ReportClassificationSection';
import { SaveIndicator } from './SaveIndicator';
import { StatementColumn } from './StatementColumn';
import { useReportDraft, type AuditReportHandle } from './use-report-draft';

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
  const { shownDraft, report, shown, state, blocker, setText, setStatement, setScore } =
    useReportDraft({ detail, readOnly, save, ref });

  const totals = statementTotals(detail.statementHeads, report.statements);

  const column = (heads: keyof AuditDetail['statementHeads'], title: string, total: number) => (
    <StatementColumn
      heads={detail.statementHeads[heads]}
      title={title}
      total={total}
      readOnly={readOnly}
      amounts={report.statements}
      texts={shownDraft.statements}
      problems={shown}
      onChange={setStatement}
    />
  );

  return (
    <Stack gap="md">
      <UnsavedChangesModal blocker={blocker} body={t('audits.form.unsavedBody')} />
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
              onChange={(text) => setText('fieldworkFrom', text)}
              error={shown['fieldworkFrom']}
              w={180}
            />
            <DateInput
              label={t('audits.form.fieldworkTo')}
              value={shownDraft.fieldworkTo}
              onChange={(text) => setText('fieldworkTo', text)}
              error={shown['fieldworkTo']}
              w={180}
            />
          </Group>
        )}
      </Section>

      <ReportClassificationSection
        detail={detail}
        readOnly={readOnly}
        scores={report.scores}
        texts={shownDraft.scores}
        problems={shown}
        onChange={setScore}
      />

      <Section title={t('audits.form.balanceSheet')} id="sec-audit-balance-sheet">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          {column('liabilities', t('audits.form.liabilities'), totals.liabilitiesPaise)}
          {column('assets', t('audits.form.assets'), totals.assetsPaise)}
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
          {column('income', t('audits.form.income'), totals.incomePaise)}
          {column('expenditure', t('audits.form.expenditure'), totals.expenditurePaise)}
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
            onChange={(event) => setText('summary', event.currentTarget.value)}
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

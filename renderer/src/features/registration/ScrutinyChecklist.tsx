import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  SegmentedControl,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScrutinyResult } from '#shared/registration/registration';
import type { ApplicationDetail } from '#shared/registration/contract';
import { Section } from '../../components/Section';
import { useRequest } from '../../lib/backend';
import { dateText } from '../../lib/format';

type Choice = ScrutinyResult | 'unchecked';
interface DraftItem {
  result: Choice;
  note: string;
}

const choiceOf = (result: ScrutinyResult | null): Choice => result ?? 'unchecked';

/**
 * The scrutiny checklist of the application's type: each item in order, wanting (with what
 * is missing, which the deficiency letter then lists) or not yet looked at. Editable only
 * while the application is under scrutiny and by someone who may record it.
 */
export function ScrutinyChecklist({
  application,
  editable,
  onSaved,
}: {
  application: ApplicationDetail;
  editable: boolean;
  onSaved: (saved: ApplicationDetail) => void;
}) {
  const { t } = useTranslation('registration');
  const save = useRequest('applications.recordScrutiny');
  const initial = () =>
    Object.fromEntries(
      application.checklist.map((item) => [
        item.code,
        { result: choiceOf(item.result), note: item.note ?? '' },
      ]),
    ) as Record<string, DraftItem>;
  const [draft, setDraft] = useState<Record<string, DraftItem>>(initial);
  const [savedVersion, setSavedVersion] = useState(application.version);
  const [missingNote, setMissingNote] = useState<string[]>([]);
  const [banner, setBanner] = useState<string | null>(null);

  // A save elsewhere (a deficiency letter marks items wanting) gives a new version: start
  // again from what was saved rather than keep a stale draft.
  if (application.version !== savedVersion && !save.isPending) {
    setSavedVersion(application.version);
    setDraft(initial());
  }

  const changed = application.checklist.filter((item) => {
    const now = draft[item.code];
    return (
      now !== undefined &&
      (now.result !== choiceOf(item.result) || now.note.trim() !== (item.note ?? ''))
    );
  });
  const counts = {
    inOrder: application.checklist.filter((item) => item.result === 'in_order').length,
    wanting: application.checklist.filter((item) => item.result === 'wanting').length,
  };

  const submit = () => {
    if (!editable || changed.length === 0 || save.isPending) return;
    setBanner(null);
    const noNote = changed.filter(
      (item) => draft[item.code]?.result === 'wanting' && draft[item.code]?.note.trim() === '',
    );
    setMissingNote(noNote.map((item) => item.code));
    if (noNote[0]) {
      document.getElementById(`scrutiny-note-${noNote[0].code}`)?.focus();
      return;
    }
    save.mutate(
      {
        id: application.id,
        baseVersion: application.version,
        items: changed.map((item) => {
          const { result, note } = draft[item.code]!;
          return {
            code: item.code,
            result: result === 'unchecked' ? null : result,
            note: note.trim() === '' ? null : note.trim(),
          };
        }),
      },
      {
        onSuccess: (saved) => {
          setSavedVersion(saved.version);
          setDraft(
            Object.fromEntries(
              saved.checklist.map((item) => [
                item.code,
                { result: choiceOf(item.result), note: item.note ?? '' },
              ]),
            ),
          );
          onSaved(saved);
        },
        onError: (failure) => setBanner(failure.message),
      },
    );
  };
  useHotkeys(editable ? [['mod+S', submit]] : [], []);

  return (
    <Section
      title={
        <Group gap="sm" component="span">
          {t('scrutiny.title')}
          <Text span size="sm" c="dimmed" fw={400} data-testid="scrutiny-counts">
            {t('scrutiny.counts', {
              inOrder: counts.inOrder,
              wanting: counts.wanting,
              total: application.checklist.length,
            })}
          </Text>
        </Group>
      }
      id="sec-app-scrutiny"
    >
      {!editable && application.state === 'received' ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('scrutiny.startFirst')}
        </Text>
      ) : null}
      {banner ? <Alert color="red" variant="light" role="alert" mb="sm" title={banner} /> : null}
      <Table verticalSpacing={6} fz="sm" aria-labelledby="sec-app-scrutiny" data-testid="checklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>{t('promoters.no')}</Table.Th>
            <Table.Th w="30%">{t('scrutiny.item')}</Table.Th>
            <Table.Th w={230}>{t('scrutiny.result')}</Table.Th>
            <Table.Th>{t('scrutiny.note')}</Table.Th>
            <Table.Th w={140}>{t('scrutiny.checked')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {application.checklist.map((item, index) => {
            const now = draft[item.code] ?? { result: 'unchecked', note: '' };
            return (
              <Table.Tr key={item.code} data-testid={`checklist-${item.code}`}>
                <Table.Td c="dimmed">{index + 1}</Table.Td>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>
                  {editable ? (
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      aria-label={t('scrutiny.resultOf', { item: item.label })}
                      value={now.result}
                      color={
                        now.result === 'wanting'
                          ? 'orange'
                          : now.result === 'in_order'
                            ? 'green'
                            : undefined
                      }
                      data={[
                        { value: 'unchecked', label: t('scrutiny.unchecked') },
                        { value: 'in_order', label: t('scrutiny.inOrder') },
                        { value: 'wanting', label: t('scrutiny.wanting') },
                      ]}
                      onChange={(value) => {
                        // What was wanting is no longer the remark once the item is put right.
                        const staleNote =
                          item.result === 'wanting' &&
                          value !== 'wanting' &&
                          now.note === item.note;
                        update(item.code, {
                          result: value as Choice,
                          ...(staleNote ? { note: '' } : {}),
                        });
                        if (value === 'wanting') {
                          setTimeout(
                            () => document.getElementById(`scrutiny-note-${item.code}`)?.focus(),
                            0,
                          );
                        }
                      }}
                    />
                  ) : (
                    <ResultBadge result={item.result} />
                  )}
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    // A note can run to several lines (what is wanting goes into the
                    // deficiency letter): the box grows with it, and Enter starts a new line.
                    <Textarea
                      id={`scrutiny-note-${item.code}`}
                      size="xs"
                      autosize
                      minRows={1}
                      maxRows={12}
                      aria-label={t('scrutiny.noteOf', { item: item.label })}
                      placeholder={
                        now.result === 'wanting' ? t('scrutiny.notePlaceholder') : undefined
                      }
                      value={now.note}
                      error={
                        missingNote.includes(item.code) ? t('scrutiny.noteRequired') : undefined
                      }
                      onChange={(event) => update(item.code, { note: event.currentTarget.value })}
                    />
                  ) : (
                    <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {item.note ?? ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td c="dark.4">
                  {item.checkedByName ? (
                    <>
                      {item.checkedByName}
                      <Text size="xs" c="dimmed">
                        {dateText(item.checkedOn)}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {changed.length > 0
              ? t('scrutiny.unsaved', { count: changed.length })
              : t('scrutiny.allSaved')}
          </Text>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={changed.length === 0}
            rightSection={<Kbd size="xs">Ctrl+S</Kbd>}
          >
            {t('scrutiny.save')}
          </Button>
        </Group>
      ) : null}
    </Section>
  );

  function update(code: string, patch: Partial<DraftItem>) {
    setMissingNote((current) => current.filter((candidate) => candidate !== code));
    setDraft((current) => ({
      ...current,
      [code]: { ...(current[code] ?? { result: 'unchecked', note: '' }), ...patch },
    }));
  }
}

function ResultBadge({ result }: { result: ScrutinyResult | null }) {
  const { t } = useTranslation('registration');
  if (result === null)
    return (
      <Text span size="sm" c="dimmed">
        {t('scrutiny.unchecked')}
      </Text>
    );
  return (
    <Badge variant="light" radius="sm" tt="none" color={result === 'wanting' ? 'orange' : 'green'}>
      {result === 'wanting' ? t('scrutiny.wanting') : t('scrutiny.inOrder')}
    </Badge>
  );
}

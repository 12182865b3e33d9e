import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { isBackendError } from '../../lib/backend';
import { draftOf, reportOf, type Draft } from './report-draft';

/** How long the auditor may pause typing before what they typed is saved. */
const AUTOSAVE_AFTER_MS = 1200;

/** What saving what is typed came to: nothing to save, saved, or not saved (and why, on screen). */
export type FlushResult =
  { kind: 'clean' } | { kind: 'saved'; detail: AuditDetail } | { kind: 'unsaved' };

export interface AuditReportHandle {
  /** Saves what is typed now, if anything is unsaved. */
  flush: () => Promise<FlushResult>;
}

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/**
 * The report as typed and its saving: saved by itself a moment after typing stops, on
 * Ctrl+S, on leaving the page and when the screen flushes it before submitting; leaving
 * with what could not be saved asks first. Read-only, the saved report is shown instead.
 */
export function useReportDraft({
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
  // The screen hands a new `save` at each of its renders; read the latest one when saving,
  // so that a render of the screen neither restarts the autosave timer nor counts as leaving.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
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
        const saved = await saveRef.current({
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
  }, [detail, t]);

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
  const blocker = useLeaveGuard(() => unsaved);

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
  const setText = (field: 'fieldworkFrom' | 'fieldworkTo' | 'summary', text: string) =>
    change({ ...latest.current, [field]: text });

  return { shownDraft, report, shown, state, blocker, setText, setStatement, setScore };
}

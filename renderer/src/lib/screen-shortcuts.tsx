import { useHotkeys } from '@mantine/hooks';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/** A key a screen answers to, and the words the status line shows for it. */
export interface ScreenShortcut {
  /** In Mantine's hotkey notation: 'alt+N', 'mod+S', 'Escape', '/'. */
  keys: string;
  /** What the status line says, e.g. "Alt+N new application"; none for a silent alias. */
  hint?: string;
  run: () => void;
  /** True for keys that must work while typing in a field (Ctrl+S in a form). */
  inFields?: boolean;
}

type Publish = (owner: string, hints: readonly string[] | null) => void;

// Two contexts: the screens hold the stable `publish`, so a change of hints re-renders
// only the status line, never the screens that published them.
const PublishContext = createContext<Publish | null>(null);
const HintsContext = createContext<readonly string[]>([]);

/**
 * Keeps the hints of the screens now shown, so the status line offers the keys that work
 * here (not "Alt+N add society" on the Applications screen). The shell holds one.
 */
export function ScreenShortcutsProvider({ children }: { children: ReactNode }) {
  const [byOwner, setByOwner] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const publish = useCallback<Publish>(
    (owner, hints) =>
      setByOwner((current) => {
        const next = new Map(current);
        if (hints) next.set(owner, hints);
        else next.delete(owner);
        return next;
      }),
    [],
  );
  const hints = useMemo(() => [...new Set([...byOwner.values()].flat())], [byOwner]);
  return (
    <PublishContext.Provider value={publish}>
      <HintsContext.Provider value={hints}>{children}</HintsContext.Provider>
    </PublishContext.Provider>
  );
}

/**
 * Binds a screen's keys and shows their hints on the status line while the screen is
 * shown: one declaration for both, so a hint never names a key that does nothing.
 */
export function useScreenShortcuts(shortcuts: readonly ScreenShortcut[]) {
  const owner = useId();
  const publish = useContext(PublishContext);
  useHotkeys(shortcuts.filter((shortcut) => !shortcut.inFields).map((s) => [s.keys, s.run]));
  useHotkeys(
    shortcuts.filter((shortcut) => shortcut.inFields).map((s) => [s.keys, s.run]),
    [],
  );
  const hints = shortcuts.flatMap((shortcut) => (shortcut.hint ? [shortcut.hint] : []));
  const hintsKey = hints.join('\u0000');
  useEffect(() => {
    if (!publish) return;
    publish(owner, hintsKey ? hintsKey.split('\u0000') : null);
    return () => publish(owner, null);
  }, [publish, owner, hintsKey]);
}

/** The hints of the screens now shown, in the order they were declared. */
export function useScreenHints(): readonly string[] {
  return useContext(HintsContext);
}

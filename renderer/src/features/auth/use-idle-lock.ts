import { useEffect, useEffectEvent, useRef } from 'react';

/** `auth.touch` at most this often while the user is active. */
export const TOUCH_EVERY_MS = 60_000;
/** How often the idle time is checked. */
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Watches for keys, clicks and scrolling. While the user is active the backend hears it
 * (`touch`) at most once a minute; after `idleMinutes` without activity, `lock` is called.
 */
export function useIdleLock({
  idleMinutes,
  locked,
  lock,
  touch,
}: {
  idleMinutes: number;
  locked: boolean;
  lock: () => void;
  touch: () => void;
}) {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);
  const onLock = useEffectEvent(lock);
  const onTouch = useEffectEvent(touch);

  useEffect(() => {
    if (locked) return undefined;
    const started = Date.now();
    lastActivity.current = started;
    lastTouch.current = started;
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_EVERY_MS) {
        lastTouch.current = now;
        onTouch();
      }
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    // Once asked, the lock is not asked again while the answer is on its way (a failed
    // request is retried a minute later).
    let askedAt = 0;
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current >= idleMinutes * 60_000 && now - askedAt >= 60_000) {
        askedAt = now;
        onLock();
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, onActivity, { capture: true });
      }
      window.clearInterval(timer);
    };
  }, [locked, idleMinutes]);
}

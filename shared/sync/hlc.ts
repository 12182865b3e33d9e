/**
 * Hybrid logical clock (sync.md §2): wall time in milliseconds plus a counter, monotonic
 * even when the wall clock jumps back. Timestamps compare as plain strings.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

/** The next timestamp after `last` at wall time `nowMs`. */
export function nextHlc(last: HlcState, nowMs: number): HlcState {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0 };
  return { wallMs: last.wallMs, counter: last.counter + 1 };
}

/** "000001763900000000:00000:<node>" — fixed width so string order is time order. */
export function formatHlc(state: HlcState, node: string): string {
  return `${String(state.wallMs).padStart(15, '0')}:${String(state.counter).padStart(5, '0')}:${node}`;
}

export function parseHlc(text: string): HlcState & { node: string } {
  const [wall = '0', counter = '0', ...node] = text.split(':');
  return { wallMs: Number(wall), counter: Number(counter), node: node.join(':') };
}

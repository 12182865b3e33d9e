import { useBlocker, type Blocker } from 'react-router';

/**
 * Holds a move to another page while `wouldLose()` says typed work would be lost, so that
 * `UnsavedChangesModal` can ask first. Asked at the moment of leaving (a form that has just
 * saved says no); staying on the same page (a search, a tab) is never held.
 */
export function useLeaveGuard(wouldLose: () => boolean): Blocker {
  return useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && wouldLose(),
  );
}

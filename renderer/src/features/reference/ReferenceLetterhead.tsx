import type { ReactNode } from 'react';
import { LetterheadPicturesProvider } from '../../components/Letterhead';
import { useLetterhead } from './queries';

/**
 * Gives every printed slip and letter below the state emblem and department logo of the
 * reference data; until they load, or where none is set, each says "not set".
 */
export function ReferenceLetterhead({ children }: { children: ReactNode }) {
  const letterhead = useLetterhead();
  return (
    <LetterheadPicturesProvider
      pictures={{
        stateEmblem: letterhead.data?.stateEmblem?.dataUrl ?? null,
        departmentLogo: letterhead.data?.departmentLogo?.dataUrl ?? null,
      }}
    >
      {children}
    </LetterheadPicturesProvider>
  );
}

import { Box, Text } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The pictures a printed slip or letter carries at its head, as data URLs; null if not set. */
export interface LetterheadPictures {
  stateEmblem: string | null;
  departmentLogo: string | null;
}

const LetterheadContext = createContext<LetterheadPictures>({
  stateEmblem: null,
  departmentLogo: null,
});

/** Gives the printed documents below the pictures the administrator set (reference data). */
export function LetterheadPicturesProvider({
  pictures,
  children,
}: {
  pictures: LetterheadPictures;
  children: ReactNode;
}) {
  return <LetterheadContext.Provider value={pictures}>{children}</LetterheadContext.Provider>;
}

/**
 * The state emblem or the department logo at the head of a printed document, or a dashed
 * circle saying it is not set, so that no slip passes for final without it.
 */
export function LetterheadMark({ kind, size = 56 }: { kind: 'emblem' | 'logo'; size?: number }) {
  const { t } = useTranslation('reference');
  const pictures = useContext(LetterheadContext);
  const src = kind === 'emblem' ? pictures.stateEmblem : pictures.departmentLogo;
  const name =
    kind === 'emblem'
      ? t('reference.letterhead.state_emblem.name')
      : t('reference.letterhead.department_logo.name');
  if (src) {
    return (
      <Box
        component="img"
        src={src}
        alt={name}
        w={size}
        h={size}
        style={{ objectFit: 'contain', flex: 'none' }}
      />
    );
  }
  return (
    <Box
      w={size}
      h={size}
      style={{
        flex: 'none',
        border: '1.5px dashed var(--mantine-color-gray-6)',
        borderRadius: '50%',
        display: 'grid',
        placeItems: 'center',
      }}
    >
      <Text fz={9} lh={1.15} c="gray.7" ta="center">
        {kind === 'emblem'
          ? t('reference.letterhead.emblemNotSet')
          : t('reference.letterhead.logoNotSet')}
      </Text>
    </Box>
  );
}

import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationState } from '#shared/registration/registration';

const stateColors: Record<ApplicationState, MantineColor> = {
  received: 'blue',
  under_scrutiny: 'indigo',
  deficient: 'yellow',
  approved: 'green',
  refused: 'red',
  deemed: 'teal',
  withdrawn: 'gray',
};

export function ApplicationStateBadge({
  state,
  size = 'md',
}: {
  state: ApplicationState;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation('registration');
  return (
    <Badge
      color={stateColors[state]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}
    >
      {t(`applicationState.${state}`)}
    </Badge>
  );
}

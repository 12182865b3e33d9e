import { Text, UnstyledButton } from '@mantine/core';

/** A status with its count; pressing it filters a register to that status. */
export function CountChip({
  label,
  count,
  active,
  color = 'gray',
  onClick,
}: {
  label: string;
  count: number | null;
  active: boolean;
  /** A Mantine colour name, the status's own. */
  color?: string;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={active}
      px="sm"
      py={6}
      style={{
        borderRadius: 6,
        border: `1px solid var(--mantine-color-${color}-${active ? 6 : 3})`,
        background: active ? `var(--mantine-color-${color}-1)` : 'white',
      }}
    >
      <Text span size="sm" fw={600} c={`${color}.9`}>
        {count === null ? '…' : count.toLocaleString('en-IN')}
      </Text>
      <Text span size="sm" ml={6} c="dark.6">
        {label}
      </Text>
    </UnstyledButton>
  );
}

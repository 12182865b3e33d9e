import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel grouping related fields, on the detail page and in forms. */
export function Section({
  title,
  children,
  id,
}: {
  title: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" mb="sm" id={id} c="dark.6">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

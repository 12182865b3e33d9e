import { Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';

/**
 * The body of a list screen: placeholder rows while it loads, the error with a retry when
 * it fails, a sentence when there is nothing to show, else the list itself.
 */
export function ListBody({
  query,
  loadError,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; error: Error | null; refetch: () => unknown };
  loadError: string;
  empty: ReactNode;
  isEmpty: boolean;
  children: () => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Stack gap="xs" p="md" aria-busy>
        <Skeleton height={30} />
        <Skeleton height={30} />
        <Skeleton height={30} />
      </Stack>
    );
  }
  if (query.error) {
    return (
      <Stack p="md">
        <ErrorState title={loadError} error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  if (isEmpty) {
    return (
      <Text size="sm" c="dimmed" p="lg" ta="center">
        {empty}
      </Text>
    );
  }
  return <>{children()}</>;
}

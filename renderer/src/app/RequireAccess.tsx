import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '#shared/auth/roles';
import type { RequestName } from '#shared/ipc/contract';
import { canUse, useSession } from '../lib/session';
import { navEntriesFor } from './navigation';

/**
 * A screen reached by typing its address although the role may not use it: say so plainly
 * instead of showing a screen whose every request would be refused.
 */
export function RequireAccess({
  request,
  children,
}: {
  request: RequestName;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (canUse(user.role, request)) return children;
  const role = roleLabels[user.role];
  const nothing = navEntriesFor(user.role).length === 0;
  return (
    <Stack maw={640}>
      <Alert color="yellow" variant="light" title={t('session.notForRoleTitle')} role="alert">
        <Text size="sm">
          {nothing ? t('session.nothingForRole', { role }) : t('session.notForRoleBody', { role })}
        </Text>
      </Alert>
    </Stack>
  );
}

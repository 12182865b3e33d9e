import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import type { DecisionBar } from '#shared/registration/scrutiny';
import { itemShortName } from '#shared/registration/scrutiny';
import type { ApplicationAction, DecideBlock } from './actions';

/** The steps this user may take now, or why the decision is not theirs to make. */
export function ApplicationActionsSection({
  actions,
  decideBlock,
  approvalWaits,
  officeName,
  starting,
  onAction,
}: {
  actions: ApplicationAction[];
  decideBlock: DecideBlock;
  /** What the scrutiny must still record before the registrar may approve. */
  approvalWaits: DecisionBar;
  officeName: string;
  /** Scrutiny is being started (the one step sent without a dialog). */
  starting: boolean;
  onAction: (action: ApplicationAction) => void;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  return (
    <Section title={t('application.section.actions')} id="sec-actions">
      <Stack gap="sm">
        {actions.length > 0 ? (
          <Group gap="sm" data-testid="application-actions">
            {actions.map((action) => (
              <Button
                key={action}
                variant={
                  action === 'approve'
                    ? 'filled'
                    : action === 'refuse'
                      ? 'outline'
                      : action === 'withdraw'
                        ? 'default'
                        : 'light'
                }
                color={action === 'approve' ? 'green.8' : action === 'refuse' ? 'red.8' : undefined}
                loading={action === 'startScrutiny' && starting}
                onClick={() => onAction(action)}
              >
                {t(`application.actions.${action}`)}
              </Button>
            ))}
          </Group>
        ) : null}
        {approvalWaits ? (
          <Text size="sm" c="orange.9" data-testid="approval-waits">
            {t(`application.approvalWaits.${approvalWaits.reason}`, {
              count: approvalWaits.items.length,
              items: approvalWaits.items.map(itemShortName).join('; '),
            })}
          </Text>
        ) : null}
        {decideBlock ? (
          <Text size="sm" c={decideBlock === 'notRegistrar' ? 'dimmed' : 'orange.9'}>
            {decideBlock === 'ownApplication'
              ? t('application.ownApplication')
              : decideBlock === 'otherOffice'
                ? t('application.otherOffice', { office: officeName })
                : t('application.clerkDecides', { office: officeName })}
          </Text>
        ) : null}
      </Stack>
    </Section>
  );
}

import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../i18n';
import { useRequest } from '../../lib/backend';

/** "Verify the record of changes": walks the hash chain and says plainly what it found. */
export function VerifyChain() {
  const { t } = useTranslation('changes');
  const verify = useRequest('changes.verify');
  const verdict = verify.data;
  return (
    <Stack gap="sm">
      <div>
        <Button
          variant="filled"
          color="indigo"
          onClick={() => verify.mutate({})}
          loading={verify.isPending}
        >
          {t('changes.verify')}
        </Button>
      </div>
      {verify.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('changes.verifyError')}>
          {verify.error.message}
        </Alert>
      ) : null}
      {verdict?.intact ? (
        <Alert color="green" variant="light" role="status" data-testid="verify-result">
          <Text size="sm" fw={500}>
            {t('changes.intact', {
              upTo: formatCount(verdict.intactUpTo),
              checked: formatCount(verdict.checked),
              ms: formatCount(Math.round(verdict.ms)),
            })}
          </Text>
        </Alert>
      ) : null}
      {verdict && !verdict.intact ? (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={t('changes.brokenTitle')}
          data-testid="verify-result"
        >
          <Text size="sm" fw={600}>
            {verdict.firstBad?.message}
          </Text>
          {verdict.firstBad ? (
            <Text size="sm" mt={4}>
              {t('changes.brokenEntry', {
                seq: formatCount(verdict.firstBad.seq),
                upTo: formatCount(verdict.intactUpTo),
              })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}

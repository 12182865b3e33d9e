import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '#shared/audits/contract';
import type { SubmitRefusal } from './use-audit-screen';

/** What the last step came to (done, refused, a print that failed) and a returned report's remarks. */
export function AuditNotices({
  audit: data,
  done,
  onCloseDone,
  refusal,
  printError,
}: {
  audit: AuditDetail;
  done: string | null;
  onCloseDone: () => void;
  refusal: SubmitRefusal | null;
  printError: string | null;
}) {
  const { t } = useTranslation('audits');
  return (
    <>
      {done ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={done}
          withCloseButton
          onClose={onCloseDone}
        />
      ) : null}
      {refusal ? (
        <Alert color="red" variant="light" role="alert" title={t('audits.page.cannotSubmit')}>
          {refusal.reasons.length > 0 ? (
            <Stack gap={2}>
              {refusal.reasons.map((reason) => (
                <Text size="sm" key={reason}>
                  {reason}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm">{refusal.message}</Text>
          )}
        </Alert>
      ) : null}
      {printError !== null ? (
        <Alert color="red" variant="light" role="alert" title={printError} />
      ) : null}
      {data.state === 'returned' && data.reviewRemarks ? (
        <Alert color="orange" variant="light" title={t('audits.page.returnedTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.reviewRemarks}
          </Text>
        </Alert>
      ) : null}
    </>
  );
}

import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePrintCertificate } from './queries';

/** Print (or reprint) one certificate; says where it went, or why it could not. */
export function PrintCertificateButton({
  serial,
  label,
  size = 'xs',
  variant = 'light',
}: {
  serial: string;
  label?: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) {
  const { t } = useTranslation('certificates');
  const print = usePrintCertificate();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size={size}
        variant={variant}
        // An action button keeps its whole label however narrow its column.
        style={{ flexShrink: 0 }}
        loading={print.isPending}
        onClick={() => print.mutate(serial)}
        aria-label={`${label ?? t('certificates.print')} ${serial}`}
      >
        {label ?? t('certificates.print')}
      </Button>
      {print.isSuccess ? (
        <Text size="xs" c="green.8" role="status" style={{ whiteSpace: 'nowrap' }}>
          {t('certificates.sent')}
        </Text>
      ) : null}
      {print.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {print.error.message}
        </Text>
      ) : null}
    </Group>
  );
}

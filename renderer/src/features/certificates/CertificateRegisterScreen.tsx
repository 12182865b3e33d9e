import {
  Anchor,
  CloseButton,
  EmptyState,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { foldForSearch } from '#shared/domain/mizo-text';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { SearchIcon } from '../../components/icons';
import { dateText } from '../../lib/format';
import { paths } from '../../lib/paths';
import { CertificateKind, CertificateStatus } from './CertificateStatus';
import { PrintCertificateButton } from './PrintCertificateButton';
import { useCertificates } from './queries';

/** Every certificate issued, newest first, found by serial, name or number as one types. */
export function CertificateRegisterScreen() {
  const { t } = useTranslation(['certificates', 'societies']);
  const certificates = useCertificates();
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const all = certificates.data ?? [];
    const words = foldForSearch(text).split(' ').filter(Boolean);
    if (words.length === 0) return all;
    return all.filter((row) => {
      const haystack = foldForSearch(`${row.serial} ${row.societyName} ${row.regNo}`);
      return words.every((word) => haystack.includes(word));
    });
  }, [certificates.data, text]);

  let body;
  if (certificates.isPending) {
    body = (
      <Stack gap="xs" p="md" aria-busy>
        <Skeleton height={32} />
        <Skeleton height={32} />
        <Skeleton height={32} />
      </Stack>
    );
  } else if (certificates.isError) {
    body = (
      <Stack p="md">
        <ErrorState
          title={t('certificates.loadError')}
          error={certificates.error}
          onRetry={() => void certificates.refetch()}
        />
      </Stack>
    );
  } else if (rows.length === 0) {
    body =
      text.trim() !== '' ? (
        <EmptyState py={40} title={t('certificates.emptyFiltered')} />
      ) : (
        <EmptyState
          py={40}
          title={t('certificates.empty')}
          description={t('certificates.emptyHint')}
        />
      );
  } else {
    body = (
      // Designed for 1366 × 768 with the navigation open: serials, registration numbers,
      // dates, statuses and the print button keep their one line (the table gives them what
      // they need); the society's name and the registrar's wrap in the room left.
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        horizontalSpacing="sm"
        fz="sm"
        aria-label={t('certificates.title')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.col.serial')}</Table.Th>
            <Table.Th miw={240}>{t('certificates.col.society')}</Table.Th>
            <Table.Th>{t('certificates.col.kind')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('certificates.col.issuedOn')}</Table.Th>
            <Table.Th>{t('certificates.col.issuedBy')}</Table.Th>
            <Table.Th>{t('certificates.col.status')}</Table.Th>
            <Table.Th>{t('certificates.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="certificate-row">
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {row.serial}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={paths.society(row.societyId)} size="sm" fw={600}>
                  {row.societyName}
                </Anchor>
                <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {row.regNo}
                </Text>
              </Table.Td>
              <Table.Td>
                <CertificateKind certificate={row} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateText(row.issuedOn)}</Table.Td>
              <Table.Td>
                {row.registrarName}
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {row.officeName}
                </Text>
              </Table.Td>
              <Table.Td>
                <CertificateStatus certificate={row} />
              </Table.Td>
              <Table.Td>
                {row.printable ? <PrintCertificateButton serial={row.serial} /> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('certificates.title')}
        subtitle={t('certificates.intro')}
        badge={
          certificates.data ? (
            <Text size="sm" c="dimmed">
              {t('certificates.count', { count: certificates.data.length })}
            </Text>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="sm">
        <TextInput
          autoFocus
          label={t('certificates.filter')}
          placeholder={t('certificates.filterPlaceholder')}
          leftSection={<SearchIcon />}
          value={text}
          spellCheck={false}
          autoComplete="off"
          maw={560}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              setText('');
            }
          }}
          rightSection={
            text ? (
              <CloseButton
                aria-label={t('societies:register.clearSearch')}
                onClick={() => setText('')}
              />
            ) : null
          }
        />
      </Paper>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        {body}
      </Paper>
    </Stack>
  );
}

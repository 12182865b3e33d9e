import { Alert, Button, FileButton, Group, Select, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPurposes } from '#shared/documents/contract';
import { type RequestInput } from '#shared/ipc/contract';
import { Section } from '../../components/Section';
import { useRequest } from '../../lib/backend';
import { fileSizeText, instantText } from '../../lib/format';
import { canUse, useSession } from '../../lib/session';
import { documentKeys, useDocuments, useOpenDocument } from './queries';

type Purpose = (typeof documentPurposes)[number];

/** Largest file the backend takes (it says so too); checked here before reading it. */
const MAX_BYTES = 10 * 1_048_576;

/** The file's bytes as base64, for the contract (the backend checks what they really are). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/u, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * Documents attached to an application or a society: each opens from here (checked against
 * its hash first), and a clerk attaches a scan or PDF with what it is.
 */
export function DocumentsSection({
  ownerEntity,
  ownerId,
  readOnly = false,
}: {
  ownerEntity: RequestInput<'documents.add'>['ownerEntity'];
  ownerId: string;
  /** The record is closed to this user (an audit of another auditor, say). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation('documents');
  const { user } = useSession();
  const queryClient = useQueryClient();
  const documents = useDocuments(ownerId);
  const open = useOpenDocument();
  const add = useRequest('documents.add', () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.of(ownerId) });
  });
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  // An auditor attaches only to audits (and the backend, only to their own).
  const canAdd =
    canUse(user.role, 'documents.add') &&
    !readOnly &&
    (user.role !== 'auditor' || ownerEntity === 'audit');

  const attach = async (file: File | null) => {
    setProblem(null);
    setAdded(null);
    if (!file) return;
    if (!purpose) {
      setProblem(t('documents.choosePurpose'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem(t('documents.tooLarge', { size: fileSizeText(file.size) }));
      return;
    }
    try {
      const saved = await add.mutateAsync({
        ownerEntity,
        ownerId,
        purpose,
        fileName: file.name,
        contentBase64: await readBase64(file),
      });
      setAdded(t('documents.added', { name: saved.fileName }));
      setPurpose(null);
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const rows = documents.data ?? [];
  return (
    <Section title={t('documents.title')} id={`sec-documents-${ownerId}`}>
      {documents.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('documents.loadError')}>
          {documents.error.message}
        </Alert>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {documents.isPending ? t('common.loading') : t('documents.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" data-testid="documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.col.file')}</Table.Th>
              <Table.Th>{t('documents.col.purpose')}</Table.Th>
              <Table.Th ta="right">{t('documents.col.size')}</Table.Th>
              <Table.Th>{t('documents.col.added')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    px={4}
                    loading={open.isPending && open.variables === document.id}
                    onClick={() => open.mutate(document.id)}
                    title={`SHA-256 ${document.sha256}`}
                  >
                    {document.fileName}
                  </Button>
                </Table.Td>
                <Table.Td>{t(`documents.purpose.${document.purpose as Purpose}`)}</Table.Td>
                <Table.Td ta="right">{fileSizeText(document.size)}</Table.Td>
                <Table.Td c="dark.4">
                  {document.addedBy}, {instantText(document.addedAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open.isError ? (
        <Text size="sm" c="red.8" role="alert" mt="xs">
          {open.error.message}
        </Text>
      ) : null}
      {canAdd ? (
        <Group gap="sm" mt="sm" align="flex-end">
          <Select
            label={t('documents.purposeLabel')}
            placeholder={t('documents.purposePlaceholder')}
            size="xs"
            w={220}
            value={purpose}
            onChange={(value) => setPurpose(value as Purpose | null)}
            data={documentPurposes.map((value) => ({
              value,
              label: t(`documents.purpose.${value}`),
            }))}
          />
          <FileButton
            accept="application/pdf,image/png,image/jpeg"
            onChange={(file) => void attach(file)}
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={add.isPending}>
                {t('documents.attach')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('documents.hint')}
          </Text>
        </Group>
      ) : null}
      {problem ? (
        <Text size="sm" c="red.8" role="alert" mt="xs">
          {problem}
        </Text>
      ) : null}
      {added ? (
        <Text size="sm" c="green.8" role="status" mt="xs">
          {added}
        </Text>
      ) : null}
    </Section>
  );
}

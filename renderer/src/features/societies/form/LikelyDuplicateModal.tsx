import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LikelyDuplicate } from '#shared/societies/likely-duplicate';
import { FieldList } from '../../../components/FieldList';
import { dateText } from '../../../lib/format';

/**
 * Asked when the register refused a save as a likely duplicate: the society already on the
 * register is named, and the clerk either says it is a different society (the save is sent
 * again with that confirmation) or cancels to correct the record. Cancel has the focus, so
 * Enter never adds a duplicate by accident; Esc cancels too.
 */
export function LikelyDuplicateModal({
  entered,
  saving,
  onConfirm,
  onCancel,
}: {
  /** The number the clerk entered and the society it looks like; null when nothing is asked. */
  entered: { regNo: string; other: LikelyDuplicate } | null;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('societies');
  const other = entered?.other;
  return (
    <Modal
      opened={entered !== null}
      onClose={() => {
        if (!saving) onCancel();
      }}
      title={t('form.likelyDuplicate.title')}
      centered
      size="lg"
    >
      {entered && other ? (
        <Stack gap="md">
          <Text size="sm">{t('form.likelyDuplicate.body', { regNo: entered.regNo })}</Text>
          <FieldList
            labelWidth={160}
            items={[
              { label: t('form.likelyDuplicate.name'), value: other.name },
              { label: t('form.likelyDuplicate.regNo'), value: other.regNo },
              {
                label: t('form.likelyDuplicate.registeredOn'),
                value: dateText(other.registeredOn),
              },
              {
                label: t('form.likelyDuplicate.place'),
                value: other.districtName
                  ? t('form.likelyDuplicate.placeInDistrict', {
                      place: other.place,
                      district: other.districtName,
                    })
                  : other.place,
              },
            ]}
          />
          <Text size="sm">{t('form.likelyDuplicate.question')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} disabled={saving} data-autofocus>
              {t('form.likelyDuplicate.cancel')}
            </Button>
            <Button color="orange" onClick={onConfirm} loading={saving}>
              {t('form.likelyDuplicate.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

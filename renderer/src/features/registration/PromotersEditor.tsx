import { Button, CloseButton, Group, Kbd, Radio, Table, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicationCreate } from '#shared/registration/registration';
import { rupeeTextToPaise } from '../../components/money-text';
import { MoneyInput } from '../../components/MoneyInput';
import { PlusIcon } from '../../components/icons';
import { rupeeText } from '../../lib/format';
import { emptyPromoter, type ApplicationFormValues, type PromoterFieldName } from './form-values';

export type ApplicationForm = UseFormReturn<ApplicationFormValues, unknown, ApplicationCreate>;

const widths: Partial<Record<PromoterFieldName, number>> = {
  age: 64,
  shares: 76,
  amountPaidPaise: 120,
  occupation: 130,
};

/**
 * The promoters as a table typed from the keyboard: Tab walks a row and on to the next,
 * "Add promoter" (Alt+P) adds a row with the cursor in its name, one radio marks the chief.
 */
export function PromotersEditor({
  form,
  minPromoters,
  problem,
}: {
  form: ApplicationForm;
  /** Undefined until the type is chosen. */
  minPromoters: number | undefined;
  /** The promoters as a whole: too few, no chief (from the form or the backend). */
  problem: string | null;
}) {
  const { t } = useTranslation('registration');
  const { control, register, setValue, getValues, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'promoters' });
  const count = fields.length;

  const add = () =>
    append(emptyPromoter(count === 0), {
      shouldFocus: true,
      focusName: `promoters.${count}.name`,
    });
  const makeChief = (index: number) => {
    getValues('promoters').forEach((_, i) =>
      setValue(`promoters.${i}.isChief`, i === index, { shouldDirty: true }),
    );
  };
  const removeRow = (index: number) => {
    const wasChief = getValues(`promoters.${index}.isChief`);
    remove(index);
    if (wasChief && getValues('promoters').length > 0) makeChief(0);
  };

  const rowErrors = formState.errors.promoters;
  const errorOf = (index: number, field: PromoterFieldName) =>
    (rowErrors as Record<number, Record<string, { message?: string }>> | undefined)?.[index]?.[
      field
    ]?.message;
  const label = (field: PromoterFieldName, row: number) =>
    t('promoters.fieldLabel', { field: t(`promoters.${fieldKey(field)}`), row });

  const input = (index: number, field: PromoterFieldName) => {
    const error = errorOf(index, field);
    const common = {
      size: 'xs' as const,
      'aria-label': label(field, index + 1),
      error,
      styles: { error: { fontSize: 11 } },
      autoComplete: 'off',
    };
    if (field === 'amountPaidPaise') {
      return (
        <Controller
          control={control}
          name={`promoters.${index}.amountPaidPaise`}
          render={({ field: amount }) => (
            <MoneyInput
              {...common}
              ref={amount.ref}
              name={amount.name}
              value={amount.value}
              onChange={amount.onChange}
              onBlur={amount.onBlur}
            />
          )}
        />
      );
    }
    const numeric = field === 'age' || field === 'shares';
    return (
      <TextInput
        {...common}
        {...register(`promoters.${index}.${field}`)}
        inputMode={numeric ? 'numeric' : undefined}
        spellCheck={false}
      />
    );
  };

  return (
    <>
      <PromoterSummary form={form} minPromoters={minPromoters} />
      {problem ? (
        <Text size="sm" c="red.8" fw={500} role="alert" mb="xs" data-testid="promoters-problem">
          {problem}
        </Text>
      ) : null}
      <Table
        verticalSpacing={4}
        horizontalSpacing={4}
        fz="sm"
        aria-label={t('promoters.tableLabel')}
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>{t('promoters.no')}</Table.Th>
            <Table.Th w={48}>{t('promoters.chief')}</Table.Th>
            <Table.Th>{t('promoters.name')}</Table.Th>
            <Table.Th>{t('promoters.relationName')}</Table.Th>
            <Table.Th w={widths.age}>{t('promoters.age')}</Table.Th>
            <Table.Th w={widths.occupation}>{t('promoters.occupation')}</Table.Th>
            <Table.Th>{t('promoters.address')}</Table.Th>
            <Table.Th w={widths.shares}>{t('promoters.shares')}</Table.Th>
            <Table.Th w={widths.amountPaidPaise}>{t('promoters.amountPaid')}</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field, index) => (
            <Table.Tr key={field.id} data-testid="promoter-row" style={{ verticalAlign: 'top' }}>
              <Table.Td pt={8}>
                <Text size="sm" c="dimmed" ta="right" pr={4}>
                  {index + 1}
                </Text>
              </Table.Td>
              <Table.Td pt={7}>
                <Controller
                  control={control}
                  name={`promoters.${index}.isChief`}
                  render={({ field: chief }) => (
                    <Radio
                      ref={chief.ref}
                      name={`chief-${field.id}`}
                      checked={chief.value}
                      onChange={() => makeChief(index)}
                      aria-label={t('promoters.chiefLabel', { row: index + 1 })}
                      data-chief-mark
                      size="sm"
                      styles={{ body: { justifyContent: 'center' } }}
                    />
                  )}
                />
              </Table.Td>
              <Table.Td>{input(index, 'name')}</Table.Td>
              <Table.Td>{input(index, 'relationName')}</Table.Td>
              <Table.Td>{input(index, 'age')}</Table.Td>
              <Table.Td>{input(index, 'occupation')}</Table.Td>
              <Table.Td>{input(index, 'address')}</Table.Td>
              <Table.Td>{input(index, 'shares')}</Table.Td>
              <Table.Td>{input(index, 'amountPaidPaise')}</Table.Td>
              <Table.Td pt={3}>
                <CloseButton
                  size="sm"
                  aria-label={t('promoters.remove', { row: index + 1 })}
                  onClick={() => removeRow(index)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {t('promoters.empty')}
        </Text>
      ) : null}
      <Group mt="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<PlusIcon size={14} />}
          rightSection={<Kbd size="xs">Alt P</Kbd>}
          onClick={add}
          aria-keyshortcuts="Alt+P"
          data-add-promoter
        >
          {t('promoters.add')}
        </Button>
      </Group>
    </>
  );
}

/** The live count against the type's minimum, and the totals; re-drawn alone as the clerk types. */
function PromoterSummary({
  form,
  minPromoters,
}: {
  form: ApplicationForm;
  minPromoters: number | undefined;
}) {
  const { t } = useTranslation('registration');
  const promoters = useWatch({ control: form.control, name: 'promoters' });
  const count = promoters.length;
  const totalShares = promoters.reduce((sum, p) => sum + (Number.parseInt(p.shares, 10) || 0), 0);
  const totalPaid = promoters.reduce(
    (sum, p) => sum + (rupeeTextToPaise(p.amountPaidPaise) ?? 0),
    0,
  );
  const short = minPromoters !== undefined && count < minPromoters;
  const countText =
    minPromoters === undefined
      ? `${t('promoters.countNoMin', { count })} · ${t('applicationForm.chooseTypeFirst')}`
      : short
        ? t('promoters.countShort', { count, min: minPromoters })
        : t('promoters.countMet', { count, min: minPromoters });
  return (
    <Group justify="space-between" mb="xs" wrap="nowrap">
      <Text
        size="sm"
        fw={600}
        c={short ? 'orange.8' : minPromoters === undefined ? 'dimmed' : 'green.8'}
        data-testid="promoter-count"
        aria-live="polite"
      >
        {countText}
      </Text>
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('promoters.totals', { shares: totalShares, amount: rupeeText(totalPaid) })}
      </Text>
    </Group>
  );
}

function fieldKey(field: PromoterFieldName) {
  return field === 'amountPaidPaise' ? 'amountPaid' : field;
}

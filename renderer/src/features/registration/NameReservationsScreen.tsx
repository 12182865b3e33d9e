import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { indiaDate } from '#shared/domain/dates';
import { reservationStatus } from '#shared/registration/registration';
import type { NameReservationRow } from '#shared/registration/contract';
import { ListBody } from '../../components/ListBody';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useRequest } from '../../lib/backend';
import { dateText } from '../../lib/format';
import { showServerErrors } from '../../lib/form-errors';
import { paths } from '../../lib/paths';
import { useCan } from '../../lib/session';
import { typeOptions } from '../reference';
import { registrationKeys, useNameReservations } from './queries';
import { useReferenceData } from '../reference';

interface ReserveValues {
  name: string;
  typeId: string | null;
  applicantName: string;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

const blank: ReserveValues = { name: '', typeId: null, applicantName: '' };

/**
 * Name reservations: promoters ask the office to hold a name before they apply; it is held
 * until it expires (`registration.name_reservation_days`) and used up by their application.
 */
export function NameReservationsScreen() {
  const { t } = useTranslation(['registration', 'societies']);
  const queryClient = useQueryClient();
  const reference = useReferenceData();
  const reservations = useNameReservations();
  const canReserve = useCan('names.reserve');
  const [reserved, setReserved] = useState<NameReservationRow | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const reserve = useRequest('names.reserve', () => {
    void queryClient.invalidateQueries({ queryKey: registrationKeys.nameReservations() });
  });
  const { control, register, handleSubmit, setError, reset, formState } = useForm<ReserveValues>({
    defaultValues: blank,
  });
  const types = useMemo(
    () => (reference.data ? typeOptions(reference.data) : []),
    [reference.data],
  );
  const today = indiaDate(new Date());

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    setReserved(null);
    try {
      const saved = await reserve.mutateAsync({
        name: values.name,
        typeId: values.typeId ?? '',
        applicantName: values.applicantName,
      });
      setReserved(saved);
      reset(blank);
    } catch (failure) {
      setBanner(showServerErrors(failure, setError, ['name', 'typeId', 'applicantName'] as const));
    }
  });

  const rows = reservations.data ?? [];
  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t('names.title')}
        subtitle={t('names.intro')}
        actions={
          <Button variant="default" component={Link} to={paths.applications}>
            {t('names.toApplications')}
          </Button>
        }
      />
      {canReserve ? (
        <Section title={t('names.formTitle')} id="sec-reserve">
          <form
            noValidate
            aria-label={t('names.formTitle')}
            onSubmit={(event) => void submit(event)}
          >
            <Stack gap="sm">
              {banner ? (
                <Alert color="red" variant="light" role="alert">
                  {banner}
                </Alert>
              ) : null}
              {reserved ? (
                <Alert color="green" variant="light" role="status" data-testid="reserved">
                  {t('names.reserved', {
                    name: reserved.name,
                    until: dateText(reserved.expiresOn),
                  })}
                </Alert>
              ) : null}
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <TextInput
                    {...register('name', {
                      validate: (value) => value.trim().length >= 3 || t('names.nameRequired'),
                    })}
                    label={t('names.name')}
                    withAsterisk
                    autoFocus
                    spellCheck={false}
                    error={formState.errors.name?.message}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <Controller
                    control={control}
                    name="typeId"
                    rules={{ validate: (value) => value !== null || t('names.typeRequired') }}
                    render={({ field, fieldState }) => (
                      <Select
                        {...field}
                        label={t('societies:field.typeId')}
                        withAsterisk
                        placeholder={t('societies:form.choose')}
                        data={types}
                        searchable
                        selectFirstOptionOnChange
                        nothingFoundMessage={t('societies:form.nothingFound')}
                        maxDropdownHeight={320}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 3 }}>
                  <TextInput
                    {...register('applicantName', {
                      validate: (value) => value.trim() !== '' || t('names.applicantRequired'),
                    })}
                    label={t('names.applicant')}
                    withAsterisk
                    error={formState.errors.applicantName?.message}
                  />
                </Grid.Col>
              </Grid>
              <Text size="xs" c="dimmed">
                {t('names.hint')}
              </Text>
              <div>
                <Button type="submit" loading={formState.isSubmitting}>
                  {t('names.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </Section>
      ) : null}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ListBody
          query={reservations}
          loadError={t('names.loadError')}
          empty={t('names.empty')}
          isEmpty={rows.length === 0}
        >
          {() => (
            <Table
              striped
              verticalSpacing="xs"
              horizontalSpacing="md"
              fz="sm"
              aria-label={t('names.title')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('names.col.name')}</Table.Th>
                  <Table.Th>{t('names.col.type')}</Table.Th>
                  <Table.Th>{t('names.col.applicant')}</Table.Th>
                  <Table.Th>{t('names.col.office')}</Table.Th>
                  <Table.Th style={nowrap}>{t('names.col.reservedOn')}</Table.Th>
                  <Table.Th style={nowrap}>{t('names.col.expiresOn')}</Table.Th>
                  <Table.Th style={nowrap}>{t('names.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const status = reservationStatus(row, today);
                  return (
                    <Table.Tr key={row.id} data-testid="reservation-row">
                      <Table.Td fw={600}>{row.name}</Table.Td>
                      <Table.Td>{row.typeName}</Table.Td>
                      <Table.Td>{row.applicantName}</Table.Td>
                      <Table.Td>{row.officeName}</Table.Td>
                      <Table.Td style={nowrap}>{dateText(row.reservedOn)}</Table.Td>
                      <Table.Td style={nowrap}>{dateText(row.expiresOn)}</Table.Td>
                      <Table.Td style={nowrap}>
                        {status === 'used' && row.applicationId ? (
                          <Anchor
                            component={Link}
                            to={paths.application(row.applicationId)}
                            size="sm"
                          >
                            {t('names.status.used')}
                          </Anchor>
                        ) : (
                          <Badge
                            variant="light"
                            radius="sm"
                            tt="none"
                            color={status === 'held' ? 'green' : 'gray'}
                            style={{ overflow: 'visible' }}
                          >
                            {t(`names.status.${status}`)}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </ListBody>
      </Paper>
    </Stack>
  );
}

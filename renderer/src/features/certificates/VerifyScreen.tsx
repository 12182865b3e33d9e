import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useRequest } from '../../lib/backend';
import { OfficeKeys } from './OfficeKeys';
import { VerifyResult } from './VerifyResult';

/** Paste or scan a certificate's QR text; Enter checks it offline against the office keys. */
export function VerifyScreen() {
  const { t } = useTranslation('certificates');
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const verify = useRequest('certificates.verify');
  const boxRef = useRef<HTMLTextAreaElement>(null);

  const run = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setEmpty(true);
      verify.reset();
      return;
    }
    setEmpty(false);
    verify.mutate({ text: trimmed });
  };

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t('verify.title')} subtitle={t('verify.intro')} />
      <Paper withBorder radius="md" p="md">
        <form
          noValidate
          aria-label={t('verify.title')}
          onSubmit={(event) => {
            event.preventDefault();
            run();
          }}
        >
          <Stack gap="sm">
            <Textarea
              ref={boxRef}
              autoFocus
              label={t('verify.label')}
              placeholder={t('verify.placeholder')}
              value={text}
              error={empty ? t('verify.enterCode') : undefined}
              autosize
              minRows={3}
              maxRows={8}
              spellCheck={false}
              autoComplete="off"
              styles={{
                input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 },
              }}
              onChange={(event) => {
                setText(event.currentTarget.value);
                if (verify.data || verify.isError) verify.reset();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  run();
                }
              }}
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('verify.hint')}
              </Text>
              <Group gap="xs">
                {text !== '' ? (
                  <Button
                    variant="default"
                    onClick={() => {
                      setText('');
                      verify.reset();
                      boxRef.current?.focus();
                    }}
                  >
                    {t('verify.clear')}
                  </Button>
                ) : null}
                <Button type="submit" loading={verify.isPending}>
                  {t('verify.submit')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
      {verify.data ? <VerifyResult verification={verify.data} /> : null}
      {verify.isError ? <ErrorState title={t('verify.error')} error={verify.error} /> : null}
      <OfficeKeys />
    </Stack>
  );
}

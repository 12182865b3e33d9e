import { Group, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useSession } from '../../lib/session';
import { AuditRegister } from './AuditRegister';
import { GradesView } from './GradesView';
import { MyAudits } from './MyAudits';
import { OverdueDefects } from './OverdueDefects';

const views = ['mine', 'register', 'defects', 'grades'] as const;
type View = (typeof views)[number];

/**
 * Audits: the auditor's own list, the register of a year (the audit officer draws up the
 * programme there), defects overdue for rectification, and grades by district and type.
 */
export function AuditsScreen() {
  const { t } = useTranslation('audits');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const canSeeMine = useCan('audits.mine');
  const available = views.filter((view) => view !== 'mine' || canSeeMine);
  const asked = params.get('view') as View | null;
  const view: View =
    asked && available.includes(asked) ? asked : user.role === 'auditor' ? 'mine' : 'register';
  return (
    <Stack gap="md" maw={1480}>
      <PageHeader
        title={t('audits.title')}
        subtitle={t(`audits.intro.${view}`)}
        actions={
          <Group>
            <SegmentedControl
              aria-label={t('audits.view')}
              value={view}
              onChange={(value) => {
                const next = new URLSearchParams(params);
                next.set('view', value);
                setParams(next, { replace: true });
              }}
              data={available.map((value) => ({ value, label: t(`audits.views.${value}`) }))}
            />
          </Group>
        }
      />
      {view === 'mine' ? <MyAudits /> : null}
      {view === 'register' ? <AuditRegister /> : null}
      {view === 'defects' ? <OverdueDefects /> : null}
      {view === 'grades' ? <GradesView /> : null}
    </Stack>
  );
}

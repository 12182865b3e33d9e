import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditDetail, AuditReport } from '#shared/audits/contract';
import { createFakeBridge } from '../../test/fake-bridge';
import { auditInField } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { AuditReportForm } from './AuditReportForm';

type Save = (input: {
  id: string;
  baseVersion: number;
  report: AuditReport;
}) => Promise<AuditDetail>;

const audit = auditInField();

/**
 * The audit screen as the form sees it: the audit as the query keeps it, and a new `save`
 * at each of its renders.
 */
function Screen({ save }: { save: Save }) {
  const [renders, setRenders] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setRenders(renders + 1)}>
        Render again
      </button>
      <AuditReportForm detail={audit} readOnly={false} save={(input) => save(input)} />
    </>
  );
}

describe('the audit report form', () => {
  it('saves what the auditor typed once, a moment after typing stops, however often the screen renders', async () => {
    const save = vi.fn<Save>((input) =>
      Promise.resolve(
        auditInField({ version: input.baseVersion + 1, summary: input.report.summary }),
      ),
    );
    renderScreen(<Screen save={save} />, { bridge: createFakeBridge({}) });

    fireEvent.change(screen.getByRole('textbox', { name: 'General remarks' }), {
      target: { value: 'Books kept up to date; cash verified on the day.' },
    });
    // The screen renders while the auditor is still typing: that is no reason to save yet.
    fireEvent.click(screen.getByRole('button', { name: 'Render again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Render again' }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('save-state').textContent).toContain('Saving in a moment');

    await waitFor(
      () =>
        expect(screen.getByTestId('save-state').textContent).toContain('Saved on this computer'),
      {
        timeout: 5000,
      },
    );
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({
      baseVersion: 3,
      report: { summary: 'Books kept up to date; cash verified on the day.' },
    });
  });
});

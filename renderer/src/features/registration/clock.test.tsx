import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { ApplicationRow } from '#shared/registration/contract';
import { ClockBadge, clockTone, dueCounts, type Clock } from './clock';

const clock = (overrides: Partial<Clock> = {}): Clock => ({
  daysElapsed: 10,
  daysPaused: 0,
  daysLeft: 80,
  paused: false,
  dueOn: '2026-03-01',
  ...overrides,
});

function badge(value: Clock | null) {
  render(
    <MantineProvider env="test">
      <ClockBadge clock={value} />
    </MantineProvider>,
  );
}

describe('the statutory clock on screen', () => {
  it('says the days left, orange from 15 days, red once overdue, grey when stopped', () => {
    expect(clockTone(clock({ daysLeft: 16 }))).toBe('running');
    expect(clockTone(clock({ daysLeft: 15 }))).toBe('soon');
    expect(clockTone(clock({ daysLeft: 0 }))).toBe('soon');
    expect(clockTone(clock({ daysLeft: -1 }))).toBe('overdue');
    expect(clockTone(clock({ daysLeft: 3, paused: true }))).toBe('stopped');

    badge(clock({ daysLeft: 80 }));
    expect(screen.getByText('80 days left').closest('[data-tone]')?.getAttribute('data-tone')).toBe(
      'running',
    );
    badge(clock({ daysLeft: 1 }));
    expect(screen.getByText('1 day left')).toBeTruthy();
    badge(clock({ daysLeft: -4 }));
    expect(
      screen.getByText('4 days overdue').closest('[data-tone]')?.getAttribute('data-tone'),
    ).toBe('overdue');
    badge(clock({ daysLeft: 0 }));
    expect(screen.getByText('Due today')).toBeTruthy();
    badge(clock({ daysLeft: 12, paused: true }));
    expect(screen.getByText('Clock stopped')).toBeTruthy();
    badge(null);
    expect(screen.getByText('Decided')).toBeTruthy();
  });

  it('counts open applications due within 15 days and overdue, not stopped or decided ones', () => {
    const row = (value: Clock | null, open = true) => ({ open, clock: value }) as ApplicationRow;
    expect(
      dueCounts([
        row(clock({ daysLeft: 10 })),
        row(clock({ daysLeft: 15 })),
        row(clock({ daysLeft: -2 })),
        row(clock({ daysLeft: 5, paused: true })),
        row(clock({ daysLeft: 40 })),
        row(null, false),
      ]),
    ).toEqual({ soon: 2, overdue: 1 });
  });
});

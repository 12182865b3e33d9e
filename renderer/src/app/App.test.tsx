import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App', () => {
  it('says plainly when no backend is connected', () => {
    expect((window as unknown as { app?: unknown }).app).toBeUndefined();
    render(<App />);
    expect(screen.getByRole('alert').textContent).toContain(
      'The registry backend is not connected.',
    );
  });
});

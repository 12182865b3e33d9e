import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ScreenError } from './ScreenError';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Catches a screen that fails to draw so the shell and navigation stay usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('renderer.screen_failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ScreenError error={this.state.error} />;
    return this.props.children;
  }
}

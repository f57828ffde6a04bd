import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPage } from './error-page';

interface AppErrorBoundaryState {
  error: unknown;
  hasError: boolean;
}

/** The top-level boundary: any render error outside the router's own boundary ends up on the friendly page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): AppErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Tessera crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.hasError ? <ErrorPage error={this.state.error} /> : this.props.children;
  }
}

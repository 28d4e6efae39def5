// A render error in one view shows a plain message and a way back, never a stack trace.
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onReset?: () => void;
}

export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(err: unknown) {
    return { message: err instanceof Error ? (err.message.split('\n')[0] ?? 'Unknown error') : 'Unknown error' };
  }

  override componentDidCatch(err: unknown) {
    console.error('view crashed', err);
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="empty-state">
        <h3>This view hit a problem</h3>
        <p className="dim">{this.state.message}</p>
        <button
          className="btn"
          onClick={() => {
            this.setState({ message: null });
            this.props.onReset?.();
          }}
        >
          Back to shots
        </button>
      </div>
    );
  }
}

/**
 * Keeps one broken view from taking the whole results area down with it:
 * the other tabs (and the console above all) stay usable.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
}

export class ViewBoundary extends Component<Props, { failed?: string }> {
  state: { failed?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  render() {
    if (this.state.failed !== undefined) {
      return (
        <p className="wb-view-failed" role="alert">
          The {this.props.label} view could not be shown: {this.state.failed}
        </p>
      );
    }
    return this.props.children;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks an element's content width so charts draw at their real size, and redraw when it
 * changes. Observes the host until `observe()` names a more precise element (the plot area).
 */
export class WidthController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;
  private target?: Element;

  /**
   * `onChange` is called with the new width instead of re-rendering the host, for a host that can
   * redraw its chart without an update of everything else (the trend).
   */
  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly onChange?: (width: number) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1]?.contentRect.width ?? 0);
      if (width !== this.width) {
        this.width = width;
        if (this.onChange) this.onChange(width);
        else this.host.requestUpdate();
      }
    });
    this.observer.observe(this.target ?? this.host);
  }

  /** Switches observation to `element` (no-op when already observed). */
  observe(element: Element | null | undefined): void {
    if (!element || element === this.target) return;
    if (this.target) this.observer?.unobserve(this.target);
    else this.observer?.unobserve(this.host);
    this.target = element;
    this.observer?.observe(element);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.target = undefined;
  }
}

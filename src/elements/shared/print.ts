/**
 * Opens every closed <details> in the host's shadow root while the page prints, and closes them
 * again afterwards, so a printed dashboard carries the methodology and error details that the
 * screen keeps folded. CSS cannot do this: Chromium hides a closed <details>' content in its own
 * shadow tree, out of reach of a print stylesheet.
 *
 * Both signals are heard: `beforeprint`/`afterprint` (the print dialog) and a `print` media query
 * (print preview in some browsers, and emulated print media in tests and screenshot tools).
 * The export menus are closed instead: their popovers are screen-only chrome.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

const hosts = new Set<PrintController>();
let listening = false;
let printing = false;

function setPrinting(on: boolean): void {
  if (on === printing) return;
  printing = on;
  hosts.forEach((controller) => (on ? controller.open() : controller.restore()));
}

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('beforeprint', () => setPrinting(true));
  window.addEventListener('afterprint', () => setPrinting(false));
  window.matchMedia?.('print').addEventListener?.('change', (event) => setPrinting(event.matches));
}

export class PrintController implements ReactiveController {
  private opened: HTMLDetailsElement[] = [];

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    listen();
    hosts.add(this);
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  hostUpdated(): void {
    // Something rendered while printing (a feed arriving during print preview): open that too.
    if (printing) this.open();
  }

  /** Opens what is closed and remembers it; closes export menus. */
  open(): void {
    for (const details of this.host.renderRoot.querySelectorAll<HTMLDetailsElement>('details')) {
      if (details.classList.contains('export')) details.open = false;
      else if (!details.open) {
        details.open = true;
        this.opened.push(details);
      }
    }
  }

  /** Closes what `open()` opened; what the reader opened stays open. */
  restore(): void {
    for (const details of this.opened) if (details.isConnected) details.open = false;
    this.opened = [];
  }
}

import { LitElement, css, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { feedContext, selectionContext, type FeedSelection, type FeedState } from '../shared/context.js';
import { numberOf } from '../shared/choices.js';
import { absoluteUrl } from '../shared/url.js';
import { acquireFeed, DEFAULT_TIMEOUT_MS, FeedLoadError, loadLastGood, type FeedError, type FeedHandle } from '../shared/loader.js';
import type { Feed } from '../../core/types.js';
import { FeedErrorEvent, FeedLoadEvent } from '../shared/events.js';
import { describeFeedError } from '../shared/describe-error.js';
import { reportFaults } from '../shared/report.js';
import { stateFromObject } from '../shared/data-element.js';
import { closestLang, PageLangController, updateInLanguage } from '../shared/locale.js';
import { deferred } from '../shared/tasks.js';
import { tokens } from '../shared/styles.js';
import { guardFeed } from '../../core/privacy.js';
import { messagesFor } from '../../core/i18n/index.js';
import '../../core/i18n/en/feed.js';
import '../../core/i18n/en/freshness.js';
import { formatDate } from '../../core/format.js';
import { isStale } from '../../core/freshness.js';

/**
 * Loads a Daylight feed, validates it, applies the privacy guard, and provides it to every
 * Daylight element inside. Any number of `<daylight-feed>` elements with the same `src` on a page
 * share one network request.
 *
 * When a load fails (network, time-out, HTTP error, not JSON) and this page loaded the same feed
 * successfully before, the last good copy is shown instead, marked plainly as an offline copy with
 * the date it was saved, next to a "Try again" button. A feed that fails validation is never
 * replaced by an old copy: its errors are shown, so that the publisher sees them.
 *
 * @summary Loads and provides a feed to the elements inside it.
 * @status stable
 *
 * @slot - Daylight elements (and any other content) that show the feed.
 *
 * @csspart status - The line that says the data is loading, how fresh it is, or what went wrong.
 * @csspart error - The error box shown when the feed cannot be used.
 * @csspart offline - The notice shown when the data on screen is a saved offline copy (also has part `status`).
 *
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour.
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text colour.
 * @cssprop [--daylight-color-error=#a3261b] - Colour of error accents.
 *
 * @fires daylight-feed-load - The feed loaded and validated. `event.feed` is the guarded feed.
 * @fires daylight-feed-error - The feed could not be loaded or is invalid. `event.error` says why.
 * @fires daylight-privacy-fault - Some cells broke a privacy rule and are shown as suppressed. `event.faults` lists them (without their values).
 */
export class DaylightFeed extends LitElement {
  static override properties: PropertyDeclarations = {
    src: {},
    feed: { attribute: false },
    timeout: { type: Number },
    noStatus: { type: Boolean, attribute: 'no-status', reflect: true },
    noOfflineCopy: { type: Boolean, attribute: 'no-offline-copy' },
    now: { attribute: false },
    offline: { state: true },
  };

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .status { font-size: 0.875rem; color: var(--_muted); margin: 0 0 0.5rem; min-height: 1.4em; }
      .stale { color: var(--_worse); font-weight: 600; }
      .error {
        background: var(--_surface); border: 1px solid var(--_border); border-left: 4px solid var(--_error);
        border-radius: var(--_radius); padding: 0.75rem 1rem; margin: 0 0 1rem;
      }
      .error h2 { font-size: 1rem; margin: 0 0 0.25rem; color: var(--_error); }
      .error p { margin: 0.25rem 0; }
      .error code { overflow-wrap: anywhere; }
      .fault { border-left-color: var(--_suppressed); }
      .offline { border-left-color: var(--_worse); }
      .offline p { margin: 0.25rem 0; }
    `,
  ];

  /** URL of the feed JSON, absolute or relative to the page. */
  src?: string;

  /** A feed object to provide instead of loading one (it is validated the same way). */
  feed?: unknown;

  /** Milliseconds to wait for the feed before showing a time-out error. */
  timeout = DEFAULT_TIMEOUT_MS;

  /** Hides the freshness line once the feed has loaded (loading and error messages still show). */
  noStatus = false;

  /** Never shows a saved copy of the feed when a load fails; shows the error instead. */
  noOfflineCopy = false;

  /** The date used to judge staleness; defaults to now. Set it for reproducible pages and tests. */
  now?: Date;

  // The feed and the selection reach the elements inside through context, each new value at
  // once (as it is set, like a reactive property's own update).
  private readonly stateProvider = new ContextProvider(this, { context: feedContext, initialValue: { status: 'loading' } });
  private readonly selectionProvider = new ContextProvider(this, { context: selectionContext, initialValue: {} });

  protected get state(): FeedState {
    return this.stateProvider.value!;
  }

  protected set state(next: FeedState) {
    const previous = this.stateProvider.value;
    this.stateProvider.setValue(next);
    this.requestUpdate('state', previous);
  }

  /** The shared area/period selection that filters and maps write and sibling widgets follow. */
  get selection(): FeedSelection {
    return this.selectionProvider.value!;
  }

  set selection(next: FeedSelection) {
    const previous = this.selectionProvider.value;
    this.selectionProvider.setValue(next);
    this.requestUpdate('selection', previous);
  }

  /** Set while an earlier copy is shown because the latest load failed. */
  private offline?: { savedAt: string; error: FeedError };

  private handle?: FeedHandle;
  private loadId = 0;
  /** The last feed this element loaded itself, for when storage keeps no copy. */
  private lastGood?: { url: string; feed: Feed; savedAt: string };

  constructor() {
    super();
    new PageLangController(this);
  }

  /** The loaded, guarded feed, once ready. */
  get data() {
    return this.state.status === 'ready' ? this.state.feed : undefined;
  }

  /** When the shown data is an offline copy: the ISO time it was saved. Otherwise undefined. */
  get offlineSavedAt(): string | undefined {
    return this.offline?.savedAt;
  }

  /** Resolves when the current load settles, ready or failed. */
  get loaded(): Promise<FeedState> {
    return this.pending.promise;
  }

  private pending = deferred<FeedState>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after removal: the request was released, so start again.
    if (this.hasUpdated && this.state.status === 'loading' && !this.handle) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.handle?.release();
    this.handle = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) this.load();
  }

  /**
   * Loads again, with a new request (the "Try again" button; a page that polls for new data).
   * The data on screen stays until the new feed has loaded and validated, then every element
   * inside switches to it at once: there is never a mix of old and new.
   */
  reload(): void {
    this.load(true);
  }

  private load(fresh = false): void {
    this.handle?.release();
    this.handle = undefined;
    const id = ++this.loadId;
    if (this.state.status !== 'loading') this.pending = deferred();
    if (this.feed !== undefined && this.feed !== null) {
      this.settle(id, stateFromObject(this.feed));
      return;
    }
    if (!this.src) {
      this.settle(id, { status: 'error', error: { kind: 'network', url: '(no src attribute)' } });
      return;
    }
    const url = absoluteUrl(this.src);
    if (!url) {
      // Not an address at all ("http://["): said like one that cannot be reached, naming it.
      this.settle(id, { status: 'error', error: { kind: 'network', url: this.src } });
      return;
    }
    // Reloading the same feed keeps what is on screen until the new one is ready (one swap).
    const keep = fresh && this.state.status === 'ready' && this.state.src === url;
    if (!keep) this.state = { status: 'loading', src: url };
    const handle = acquireFeed(url, numberOf(this, 'timeout', this.timeout, { min: 1, fallback: DEFAULT_TIMEOUT_MS }), fresh);
    this.handle = handle;
    handle.promise.then(
      (feed) => {
        if (id === this.loadId) this.lastGood = { url, feed, savedAt: new Date().toISOString() };
        const guarded = guardFeed(feed);
        this.settle(id, { status: 'ready', feed: guarded.feed, faults: guarded.faults, src: url });
      },
      (error: unknown) => {
        const detail: FeedError = error instanceof FeedLoadError ? error.detail : { kind: 'network', url };
        const copy = this.offlineCopyFor(url, detail);
        if (copy) {
          // The saved copy passes the same validation (loadLastGood) and privacy guard as a fresh one.
          const guarded = guardFeed(copy.feed);
          this.settle(id, { status: 'ready', feed: guarded.feed, faults: guarded.faults, src: url }, { savedAt: copy.savedAt, error: detail });
          if (id === this.loadId) this.dispatchEvent(new FeedErrorEvent(detail, url));
          return;
        }
        this.settle(id, { status: 'error', error: detail, src: url });
      },
    );
  }

  private offlineCopyFor(url: string, error: FeedError): { feed: Feed; savedAt: string } | undefined {
    if (this.noOfflineCopy || error.kind === 'schema' || error.kind === 'aborted') return undefined;
    const saved = loadLastGood(url);
    const held = this.lastGood?.url === url ? this.lastGood : undefined;
    if (saved && held) return Date.parse(held.savedAt) >= Date.parse(saved.savedAt) ? held : saved;
    return saved ?? held;
  }

  private settle(id: number, next: FeedState, offline?: { savedAt: string; error: FeedError }): void {
    // A newer load (src changed) or a removal makes this result irrelevant.
    if (id !== this.loadId) return;
    if (next.status === 'error' && next.error.kind === 'aborted' && !this.isConnected) return;
    this.state = next;
    this.offline = offline;
    this.handle = undefined;
    if (next.status === 'ready') {
      if (next.faults.length) reportFaults(this, next.feed, next.faults);
      this.dispatchEvent(new FeedLoadEvent(next.feed, next.src));
    } else if (next.status === 'error') {
      this.dispatchEvent(new FeedErrorEvent(next.error, next.src));
    }
    this.pending.resolve(next);
  }

  /** Holds each update until the page's language has its catalogue (see `updateInLanguage`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return updateInLanguage(closestLang(this), () => super.scheduleUpdate());
  }

  protected override render() {
    const t = messagesFor(closestLang(this));
    return html`${this.renderStatus(t)}<slot></slot>`;
  }

  private renderStatus(t: ReturnType<typeof messagesFor>) {
    const state = this.state;
    const lang = closestLang(this);
    switch (state.status) {
      case 'loading':
        return html`<p class="status" part="status" role="status">${t.loading}</p>`;
      case 'error': {
        const { summary, issues, more } = describeFeedError(state.error, t);
        return html`<div class="error" part="error" role="alert">
          <h2>${t.errorTitle}</h2>
          <p>${summary}</p>
          ${issues.length ? html`<ul>${issues.map((issue) => html`<li><code>${issue}</code></li>`)}</ul>` : nothing}
          ${more ? html`<p>${t.moreProblems(more)}</p>` : nothing}
          ${this.src && state.error.kind !== 'schema' ? html`<button @click=${this.reload}>${t.retry}</button>` : nothing}
        </div>`;
      }
      case 'ready': {
        const faultNote = state.faults.length
          ? html`<div class="error fault" part="error" role="note"><p>${t.privacyFaults(state.faults.length)}</p></div>`
          : nothing;
        const asOf = formatDate(state.feed.methodology.asOf, lang);
        if (this.offline) {
          // Shown even with no-status: residents must know these are not the latest figures.
          return html`${faultNote}<div class="error offline" part="status offline" role="status">
            <p><strong class="stale">${t.offlineCopy(formatDate(this.offline.savedAt, lang))}</strong></p>
            <p>${t.offlineExplain(asOf)}</p>
            ${this.src ? html`<button @click=${this.reload}>${t.retry}</button>` : nothing}
          </div>`;
        }
        if (this.noStatus) return faultNote;
        const stale = isStale(state.feed, this.now ?? new Date());
        return html`${faultNote}<p class="status" part="status" role="status">
          ${stale ? html`<span class="stale">${t.stale(asOf)}</span> — ${t.staleExplain}` : t.asOf(asOf)}
        </p>`;
      }
    }
  }
}

import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightDataElement } from '../shared/data-element.js';
import { tokens } from '../shared/styles.js';
import type { FeedSelection } from '../shared/context.js';
import { AreaSelectEvent } from '../shared/events.js';
import { dimensionLabel, valueLabel } from '../shared/labels.js';
import { filterStyles } from './filter.styles.js';
import type { Feed } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { comparePeriods } from '../../core/period.js';
import { formatPeriod } from '../../core/format.js';
import '../../core/i18n/en/filter.js';

/** Fired when a resident changes the filter (never when the page or the URL sets it). */
export class FilterChangeEvent extends Event {
  static readonly eventName = 'daylight-filter-change';
  constructor(readonly selection: FeedSelection) {
    super(FilterChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'daylight-filter-change': FilterChangeEvent;
  }
}

type FeedHost = HTMLElement & { selection: FeedSelection };

/** The nearest `<daylight-feed>` above an element, across shadow roots (a dashboard puts its widgets in one). */
function enclosingFeed(element: Element): FeedHost | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'daylight-feed') return node as FeedHost;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** Every value of a dimension across the feed's metrics, `*` left out, in the feed's declared order first. */
function valuesOf(feed: Feed, dimension: string): string[] {
  const seen = new Set<string>();
  for (const metric of feed.metrics) {
    if (!metric.dimensions.includes(dimension)) continue;
    for (const cell of metric.cells) {
      const value = cell[dimension];
      if (typeof value === 'string' && value !== TOTAL) seen.add(value);
    }
  }
  const declared = Object.keys(feed.dimensions?.[dimension]?.values ?? {}).filter((v) => seen.has(v));
  return [...new Set([...declared, ...seen])];
}

/**
 * Area and period selection shared by every Daylight element inside the same `<daylight-feed>`:
 * it writes the feed's `selection`, which the others follow. It also follows a
 * `daylight-area-select` from a map or list inside the feed, and mirrors the selection in the page
 * URL (`?area=12&period=2024`, with `history.replaceState`, so the back button is not filled with
 * filter changes), so that a resident can share a link to "District 12, 2024". Native, labelled
 * `<select>` elements: keyboard, screen reader and phone behaviour come from the platform.
 *
 * @summary Area and period selection for every element in the same feed, kept in the URL.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart fieldset - The group around the controls.
 * @csspart legend - The group's title.
 * @csspart field - A label with its select.
 * @csspart select - A select.
 * @csspart reset - The button that goes back to citywide, latest.
 *
 * @cssprop [--daylight-filter-min-height=5.5rem] - Height reserved before data arrives.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-accent=#1f5fbf] - Bars, lines, links and buttons (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-better=#17693a] - A change for the better (`-dark`: #6fd39a); always with an arrow and words.
 * @cssprop [--daylight-color-worse=#a3261b] - A change for the worse (`-dark`: #ff9b8f); always with an arrow and words.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Hidden values: text and hatching (`-dark`: #a3acb9).
 * @cssprop [--daylight-color-focus=#1f5fbf] - The keyboard focus ring (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 *
 * @fires daylight-filter-change - The resident changed the area or the period. `event.selection` is the new selection.
 */
export class DaylightFilter extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    paramPrefix: { attribute: 'param-prefix' },
    noUrl: { type: Boolean, attribute: 'no-url' },
    noArea: { type: Boolean, attribute: 'no-area' },
    noPeriod: { type: Boolean, attribute: 'no-period' },
    label: {},
    announcement: { state: true },
  };

  static override styles = [tokens, filterStyles];

  /** Prefix of the URL query parameters, so two dashboards on one page do not clash: `a-` gives `?a-area=12&a-period=2024`. */
  paramPrefix = '';

  /** Leaves the page URL alone: neither read nor written. */
  noUrl = false;

  /** Hides the area control. */
  noArea = false;

  /** Hides the period control. */
  noPeriod = false;

  /** Overrides the group's title ("Choose what the figures show"). */
  label?: string;

  private announcement = '';

  private feedHost?: FeedHost;
  private checkedFeed?: Feed;

  override connectedCallback(): void {
    super.connectedCallback();
    this.feedHost = enclosingFeed(this);
    this.feedHost?.addEventListener(AreaSelectEvent.eventName, this.onAreaSelect);
    // Read the URL at once, before the feed arrives, so the first render of every sibling is already the shared view.
    const fromUrl = this.readUrl();
    if (fromUrl && this.feedHost) this.feedHost.selection = { ...this.feedHost.selection, ...fromUrl };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.feedHost?.removeEventListener(AreaSelectEvent.eventName, this.onAreaSelect);
    this.feedHost = undefined;
  }

  private param(name: 'area' | 'period'): string {
    return `${this.paramPrefix}${name}`;
  }

  private readUrl(): FeedSelection | undefined {
    if (this.noUrl) return undefined;
    const params = new URLSearchParams(location.search);
    const area = params.get(this.param('area')) || undefined;
    const period = params.get(this.param('period')) || undefined;
    return area || period ? { ...(area ? { area } : {}), ...(period ? { period } : {}) } : undefined;
  }

  private writeUrl(selection: FeedSelection): void {
    if (this.noUrl) return;
    const url = new URL(location.href);
    for (const name of ['area', 'period'] as const) {
      const value = selection[name];
      if (value) url.searchParams.set(this.param(name), value);
      else url.searchParams.delete(this.param(name));
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  /** Sets the shared selection (a new object, so that every consumer sees a change). */
  private select(next: FeedSelection, fromUser: boolean): void {
    const clean: FeedSelection = { ...(next.area ? { area: next.area } : {}), ...(next.period ? { period: next.period } : {}) };
    if (this.feedHost) this.feedHost.selection = clean;
    else this.selection = clean;
    if (fromUser) this.dispatchEvent(new FilterChangeEvent(clean));
  }

  private readonly onAreaSelect = (event: AreaSelectEvent): void => {
    this.select({ ...this.current, area: event.area }, false);
    this.announce({ ...this.current, area: event.area });
  };

  private get current(): FeedSelection {
    return this.feedHost?.selection ?? this.selection ?? {};
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.effectiveState;
    // Once the feed is known, drop URL values it does not have (an old link, a typo).
    if (state?.status === 'ready' && state.feed !== this.checkedFeed) {
      this.checkedFeed = state.feed;
      const selection = this.current;
      const areaOk = !selection.area || valuesOf(state.feed, 'area').includes(selection.area);
      const periodOk = !selection.period || valuesOf(state.feed, 'period').includes(selection.period);
      if (!areaOk || !periodOk) {
        this.select({ ...(areaOk ? { area: selection.area } : {}), ...(periodOk ? { period: selection.period } : {}) }, false);
        return;
      }
    }
    if ((changed as Map<string, unknown>).has('selection')) this.writeUrl(this.selection ?? {});
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const selection = this.selection ?? {};
    const areas = this.noArea ? [] : valuesOf(feed, 'area');
    const periods = this.noPeriod ? [] : valuesOf(feed, 'period').sort((a, b) => comparePeriods(b, a, grain));
    const field = (name: 'area' | 'period', label: string, first: string, values: string[], text: (v: string) => string) => html`
      <label class="field" part="field">
        <span class="name">${label}</span>
        <select part="select" name=${name} .value=${selection[name] ?? ''} @change=${(e: Event) => this.onChange(name, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!selection[name]}>${first}</option>
          ${values.map((v) => html`<option value=${v} ?selected=${selection[name] === v}>${text(v)}</option>`)}
        </select>
      </label>`;
    return html`<fieldset part="fieldset">
        <legend part="legend">${this.label ?? t.filterLegend}</legend>
        <div class="fields">
          ${areas.length ? field('area', dimensionLabel(feed, 'area', locale), valueLabel(feed, 'area', TOTAL, locale, t), areas, (v) => valueLabel(feed, 'area', v, locale, t)) : nothing}
          ${periods.length ? field('period', dimensionLabel(feed, 'period', locale), t.filterLatest, periods, (v) => formatPeriod(v, grain, locale)) : nothing}
          ${selection.area || selection.period
            ? html`<button type="button" part="reset" class="reset" @click=${this.reset}>${t.filterReset}</button>`
            : nothing}
        </div>
      </fieldset>
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  private onChange(name: 'area' | 'period', value: string): void {
    const next = { ...this.current, [name]: value || undefined };
    this.select(next, true);
    this.announce(next);
  }

  private reset(): void {
    this.select({}, true);
    this.announce({});
    // The button disappears with the selection; keep the keyboard user's place.
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus());
  }

  private announce(selection: FeedSelection): void {
    const state = this.effectiveState;
    if (state?.status !== 'ready') return;
    const feed = state.feed;
    const area = valueLabel(feed, 'area', selection.area ?? TOTAL, this.locale, this.t);
    const period = selection.period ? formatPeriod(selection.period, feed.period.grain, this.locale) : this.t.filterLatest.toLowerCase();
    this.announcement = this.t.filterShowing(area, period);
  }
}

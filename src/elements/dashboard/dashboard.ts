import { LitElement, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { tokens } from '../shared/styles.js';
import { choiceOf, numberOf, THEMES } from '../shared/choices.js';
import { closestLang, PageLangController, updateInLanguage } from '../shared/locale.js';
import { dashboardStyles } from './dashboard.styles.js';
import type { FeedLoadEvent } from '../shared/events.js';
import type { Feed, Metric } from '../../core/types.js';
import { messagesFor, type Messages } from '../../core/i18n/index.js';
import '../../core/i18n/en/dashboard.js';
import '../../core/i18n/en/freshness.js';
import { formatDate, formatPeriod, resolveLabel } from '../../core/format.js';
import { isStale } from '../../core/freshness.js';
import { findMetric } from '../../core/select.js';
import { periodOfDate } from '../../core/period.js';

/** The dashboard's sections, one per question of the accountability brief, plus the method. */
export type SectionId = 'where' | 'coresponse' | 'response' | 'victims' | 'methodology';

const ALL_SECTIONS: readonly SectionId[] = ['where', 'coresponse', 'response', 'victims', 'methodology'];

/** Which metrics make a section worth showing. */
const SECTION_METRICS: Record<SectionId, readonly string[]> = {
  where: ['incidents', 'victims'],
  coresponse: ['coresponse_share', 'second_responder_visits'],
  response: ['response_time', 'time_on_scene', 'referrals', 'referral_followup_rate'],
  victims: ['past_victims_outreach'],
  methodology: [],
};

const HEADINGS: Record<number, StaticValue> = { 1: literal`h1`, 2: literal`h2`, 3: literal`h3`, 4: literal`h4`, 5: literal`h5`, 6: literal`h6` };
const DIMENSIONS_NOT_CATEGORIES = new Set(['period', 'area', 'bucket', 'stage']);

/**
 * A complete accountability page in one tag: it loads a feed and shows, for each of the four
 * questions the feed can answer, its headline numbers, trends, map, breakdowns and funnels, then
 * how the numbers were made. Sections without metrics in the feed are left out.
 *
 * @summary A whole accountability page from one feed, organised by the four questions.
 * @status stable
 *
 * @csspart base - The page wrapper.
 * @csspart header - The title block.
 * @csspart contents - The list of sections.
 * @csspart section - Each question's section.
 *
 * @cssprop [--daylight-dashboard-min-height=40rem] - Height reserved while the feed loads.
 * @cssprop [--daylight-dashboard-gap=1rem] - Space between widgets.
 * @cssprop [--daylight-dashboard-background-dark=#0d1117] - The page colour the dashboard paints behind itself in the dark theme (in the light theme it takes the page's).
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
 */
export class DaylightDashboard extends LitElement {
  static override properties: PropertyDeclarations = {
    src: {},
    feed: { attribute: false },
    sections: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    label: {},
    noFilter: { type: Boolean, attribute: 'no-filter' },
    noMap: { type: Boolean, attribute: 'no-map' },
    paramPrefix: { attribute: 'param-prefix' },
    theme: { reflect: true },
    now: { attribute: false },
    langAttribute: { attribute: 'lang' },
    loadedFeed: { state: true },
  };

  static override styles = [tokens, dashboardStyles];

  /** URL of the feed JSON. */
  src?: string;

  /** A feed object to show instead of loading `src`. */
  feed?: unknown;

  /** Which sections to show, in order, comma-separated: `where`, `coresponse`, `response`, `victims`, `methodology`. Default: all the feed has data for. */
  sections?: string;

  /** The level of the dashboard's title; section headings are one level below. Default 2, for a page that already has an h1. */
  headingLevel = 2;

  /** The heading level in use: 1 to 6; not a number means the default, 2 (with a console warning). */
  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(numberOf(this, 'heading-level', this.headingLevel, { fallback: 2 }))));
  }

  /** Overrides the title (the feed's `title` by default). */
  label?: string;

  /** Leaves out the area and period filter. */
  noFilter = false;

  /** Leaves out the map (keeps the ranked areas in the table views). */
  noMap = false;

  /** Prefix of the URL parameters the filter writes, so two dashboards on a page keep separate selections. */
  paramPrefix = '';

  /** Colour theme of every widget: `auto` (default), `light` or `dark`. */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** The date staleness is judged against; defaults to now. */
  now?: Date;

  /** Mirrors the `lang` attribute so that changing it re-renders. */
  protected langAttribute?: string;

  private loadedFeed?: Feed;

  constructor() {
    super();
    new PageLangController(this);
  }

  /** The theme its widgets get: a value other than the three means `auto`, and is reported once, here. */
  private get themeChoice(): (typeof THEMES)[number] {
    return choiceOf(this, 'theme', this.theme, THEMES, 'auto');
  }

  private get t(): Messages {
    return messagesFor(this.locale);
  }

  /** Holds each update until the element's language has its catalogue (see `updateInLanguage`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return updateInLanguage(this.locale, () => super.scheduleUpdate());
  }

  private get locale(): string {
    // closestLang reads this element's own `lang` first; the property only makes a change re-render.
    return closestLang(this);
  }

  /** The sections this feed can fill, in the requested order. */
  sectionsFor(feed: Feed): SectionId[] {
    const requested = (this.sections ?? ALL_SECTIONS.join(','))
      .split(',').map((s) => s.trim()).filter((s): s is SectionId => (ALL_SECTIONS as readonly string[]).includes(s));
    return requested.filter((id) => id === 'methodology' || SECTION_METRICS[id].some((metric) => findMetric(feed, metric)));
  }

  private onFeedLoad(event: FeedLoadEvent): void {
    this.loadedFeed = event.feed;
  }

  protected override render(): TemplateResult {
    const feed = this.loadedFeed;
    return html`<div part="base" class="dashboard ${feed ? 'ready' : 'loading'}">
      <daylight-feed no-status src=${this.src ?? nothing} .feed=${this.feed} theme=${this.themeChoice} .now=${this.now} @daylight-feed-load=${this.onFeedLoad}>
        ${feed ? this.renderPage(feed) : nothing}
      </daylight-feed>
    </div>`;
  }

  private renderPage(feed: Feed): TemplateResult {
    const t = this.t;
    const locale = this.locale;
    const level = this.level;
    const title = this.label ?? (feed.title ? resolveLabel(feed.title, locale) : resolveLabel(feed.jurisdiction.name, locale));
    const sections = this.sectionsFor(feed);
    const periodOf = (date: string) => formatPeriod(periodOfDate(new Date(`${date}T00:00:00Z`), feed.period.grain), feed.period.grain, locale);
    const span = `${periodOf(feed.period.start)} – ${periodOf(feed.period.end)}`;
    return html`
      <header part="header" class="header">
        ${staticHtml`<${HEADINGS[level]} class="title">${title}</${HEADINGS[level]}>`}
        <p class="subtitle">${resolveLabel(feed.jurisdiction.name, locale)} · ${span}</p>
        ${this.renderFreshness(feed)}
        ${sections.length > 1 ? html`<nav part="contents" class="contents" aria-label=${t.dashboardContents}>
          <ol>${sections.map((id) => html`<li><a href="#${id}" @click=${(e: Event) => this.jump(e, id)}>${this.sectionTitle(id)}</a></li>`)}</ol>
        </nav>` : nothing}
      </header>
      ${this.noFilter ? nothing : html`<daylight-filter class="filter" param-prefix=${this.paramPrefix} theme=${this.themeChoice}></daylight-filter>`}
      ${sections.map((id) => html`<section part="section" class="section" id=${id} aria-labelledby="${id}-heading">
        ${staticHtml`<${HEADINGS[Math.min(6, level + 1)]} id="${id}-heading" class="section-title" tabindex="-1">${this.sectionTitle(id)}</${HEADINGS[Math.min(6, level + 1)]}>`}
        ${id === 'methodology' ? nothing : html`<p class="question">${this.sectionQuestion(id)}</p>`}
        ${this.renderSection(id, feed)}
      </section>`)}
    `;
  }

  private renderFreshness(feed: Feed): TemplateResult {
    const t = this.t;
    const asOf = formatDate(feed.methodology.asOf, this.locale);
    return isStale(feed, this.now ?? new Date())
      ? html`<p class="freshness" role="status"><span class="stale">${t.stale(asOf)}</span> — ${t.staleExplain}</p>`
      : html`<p class="freshness" role="status">${t.asOf(asOf)}</p>`;
  }

  private sectionTitle(id: SectionId): string {
    const t = this.t;
    return { where: t.dashboardWhere, coresponse: t.dashboardCoresponse, response: t.dashboardResponse, victims: t.dashboardVictims, methodology: t.dashboardMethodology }[id];
  }

  private sectionQuestion(id: Exclude<SectionId, 'methodology'>): string {
    const t = this.t;
    return { where: t.dashboardWhereQuestion, coresponse: t.dashboardCoresponseQuestion, response: t.dashboardResponseQuestion, victims: t.dashboardVictimsQuestion }[id];
  }

  private renderSection(id: SectionId, feed: Feed): TemplateResult {
    const has = (metric: string) => findMetric(feed, metric) !== undefined;
    const theme = this.themeChoice;
    const longRun = feed.period.grain === 'month' ? 60 : feed.period.grain === 'week' ? 52 : undefined;
    switch (id) {
      case 'where': {
        const victims = findMetric(feed, 'victims');
        const victimCategory = victims && categoryOf(victims);
        const mapped = has('incidents') ? 'incidents' : 'victims';
        return html`
          <div class="kpis">
            ${has('incidents') ? html`<daylight-kpi metric="incidents" theme=${theme}></daylight-kpi>` : nothing}
            ${has('victims') ? html`<daylight-kpi metric="victims" theme=${theme}></daylight-kpi>` : nothing}
          </div>
          <div class="wide"><daylight-trend metric=${mapped} periods=${longRun ?? nothing} theme=${theme}></daylight-trend></div>
          ${feed.areas && !this.noMap ? html`<div class="wide"><daylight-map metric=${mapped} theme=${theme}></daylight-map></div>` : nothing}
          ${victimCategory ? html`<div class="charts"><daylight-breakdown metric="victims" by=${victimCategory} theme=${theme}></daylight-breakdown></div>` : nothing}
        `;
      }
      case 'coresponse': {
        const visits = findMetric(feed, 'second_responder_visits');
        const visitCategory = visits && categoryOf(visits);
        return html`
          <div class="kpis">
            ${has('coresponse_share') ? html`<daylight-kpi metric="coresponse_share" compare="previous" theme=${theme}></daylight-kpi>` : nothing}
          </div>
          <div class="charts">
            ${has('coresponse_share') ? html`<daylight-trend metric="coresponse_share" theme=${theme}></daylight-trend>` : nothing}
            ${visitCategory ? html`<daylight-breakdown metric="second_responder_visits" by=${visitCategory} theme=${theme}></daylight-breakdown>` : nothing}
          </div>
        `;
      }
      case 'response': {
        const referrals = findMetric(feed, 'referrals');
        const service = referrals && categoryOf(referrals);
        return html`
          <div class="kpis">
            ${has('response_time') ? html`<daylight-kpi metric="response_time" statistic="median" compare="previous" theme=${theme}></daylight-kpi>
              <daylight-kpi metric="response_time" statistic="p90" compare="previous" theme=${theme}></daylight-kpi>` : nothing}
            ${has('time_on_scene') ? html`<daylight-kpi metric="time_on_scene" statistic="median" compare="previous" theme=${theme}></daylight-kpi>` : nothing}
            ${has('referral_followup_rate') ? html`<daylight-kpi metric="referral_followup_rate" compare="previous" theme=${theme}></daylight-kpi>` : nothing}
          </div>
          <div class="charts">
            ${has('response_time') ? html`<daylight-trend metric="response_time" statistic="median" theme=${theme}></daylight-trend>` : nothing}
            ${has('time_on_scene') ? html`<daylight-distribution metric="time_on_scene" theme=${theme}></daylight-distribution>` : nothing}
            ${service ? html`<daylight-breakdown metric="referrals" by=${service} theme=${theme}></daylight-breakdown>` : nothing}
            ${has('referral_followup_rate') ? html`<daylight-funnel metric="referral_followup_rate" theme=${theme}></daylight-funnel>` : nothing}
          </div>
        `;
      }
      case 'victims':
        return html`<div class="charts">
          ${has('past_victims_outreach') ? html`<daylight-funnel metric="past_victims_outreach" theme=${theme}></daylight-funnel>` : nothing}
          ${has('victims') ? html`<daylight-trend metric="victims" theme=${theme}></daylight-trend>` : nothing}
        </div>`;
      case 'methodology':
        return html`<daylight-methodology heading-level=${Math.min(6, this.level + 2)} theme=${theme}></daylight-methodology>`;
    }
  }

  /** In-page links cannot reach into a shadow root by fragment, so the contents list scrolls and focuses itself. */
  private jump(event: Event, id: SectionId): void {
    event.preventDefault();
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${id}-heading`);
    if (!heading) return;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
    heading.focus({ preventScroll: true });
  }
}

/** The first dimension of a metric that is a category (not time, place, bucket or stage). */
function categoryOf(metric: Metric): string | undefined {
  return metric.dimensions.find((dim) => !DIMENSIONS_NOT_CATEGORIES.has(dim));
}

import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightDataElement } from '../shared/data-element.js';
import { numberOf } from '../shared/choices.js';
import { tokens } from '../shared/styles.js';
import { methodologyStyles } from './methodology.styles.js';
import type { Feed, Label, Metric } from '../../core/types.js';
import { formatCount, formatDate, formatNumber, resolveLabel } from '../../core/format.js';
import '../../core/i18n/en/methodology.js';

/** Only web and mail links are followed: a feed is data from elsewhere, and `javascript:` must never become a link. */
export function safeUrl(url: string | undefined, base = document.baseURI): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the numbers mean, in plain words, from the feed itself: what each metric counts and leaves
 * out, how privacy is protected (the suppression threshold, complementary suppression, the
 * quantile and share rules, rounding and noise when the feed uses them), how up to date the data
 * is, where it comes from, what to keep in mind, and whom to ask. Collapsed by default in a
 * native `<details>`, so it is keyboard operable and needs no script to open.
 *
 * @summary Definitions, sources, privacy method, freshness and contact, collapsible.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart details - The `<details>` element.
 * @csspart summary - The `<summary>` line that opens and closes it.
 * @csspart body - The content shown when open.
 *
 * @cssprop [--daylight-methodology-min-height=4.5rem] - Height reserved before data arrives (the closed state).
 * @cssprop [--daylight-color-accent=#1f5fbf] - Link and summary colour.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-better=#17693a] - A change for the better (`-dark`: #6fd39a); always with an arrow and words.
 * @cssprop [--daylight-color-worse=#a3261b] - A change for the worse (`-dark`: #ff9b8f); always with an arrow and words.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Hidden values: text and hatching (`-dark`: #a3acb9).
 * @cssprop [--daylight-color-focus=#1f5fbf] - The keyboard focus ring (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 */
export class DaylightMethodology extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    metric: {},
    open: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    label: {},
  };

  static override styles = [tokens, methodologyStyles];

  /** Metric ids to describe, separated by commas or spaces; all of the feed's metrics by default. */
  metric?: string;

  /** Opens the panel at first. Reflects the reader's choice after that. */
  open = false;

  /** The level of the section headings inside (the page's outline continues below its own heading). */
  headingLevel = 3;

  /** The heading level in use: 1 to 6; not a number means the default, 3 (with a console warning). */
  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(numberOf(this, 'heading-level', this.headingLevel, { fallback: 3 }))));
  }

  /** Overrides the summary line's title ("About this data"). */
  label?: string;

  protected override configurationProblem(feed: Feed): string | undefined {
    for (const id of this.metricIds()) {
      const problem = this.metricProblem(feed, id);
      if (problem) return problem;
    }
    return undefined;
  }

  private metricIds(): string[] {
    return (this.metric ?? '').split(/[\s,]+/).filter(Boolean);
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const t = this.t;
    const locale = this.locale;
    const ids = this.metricIds();
    const metrics = ids.length ? feed.metrics.filter((m) => ids.includes(m.id)) : feed.metrics;
    const m = feed.methodology;
    const text = (label: Label | undefined) => resolveLabel(label, locale);
    const heading = (words: string) => html`<p class="heading" role="heading" aria-level=${this.level}>${words}</p>`;
    const contactEmail = m.contact?.email ? safeUrl(`mailto:${m.contact.email}`) : undefined;
    const contactUrl = safeUrl(m.contact?.url);

    return html`<details part="details" ?open=${this.open} @toggle=${this.onToggle}>
      <summary part="summary"><span class="line">
        <span class="title">${this.label ?? t.methodologyTitle}</span>
        <span class="as-of">${t.asOf(formatDate(m.asOf, locale))}</span>
      </span></summary>
      <div class="body" part="body">
        <section>
          ${heading(t.methodologyDefinitions)}
          <dl class="metrics">
            ${metrics.map((metric) => this.renderMetric(feed, metric))}
          </dl>
        </section>
        <section>
          ${heading(t.methodologyPrivacy)}
          <ul>${this.privacyStatements(feed).map((s) => html`<li>${s}</li>`)}</ul>
          ${feed.privacy.notes ? html`<p class="fineprint"><strong>${t.methodologyPublisherNote}:</strong> ${text(feed.privacy.notes)}</p>` : nothing}
        </section>
        <section>
          ${heading(t.methodologyUpdates)}
          <ul>
            <li>${t.asOf(formatDate(m.asOf, locale))}. ${t.methodologyPeriod(formatDate(feed.period.start, locale), formatDate(feed.period.end, locale))}</li>
            <li>${t.methodologyLag(m.lagDays)}</li>
            <li>${t.methodologyGenerated(formatDate(feed.generated, locale))}</li>
          </ul>
        </section>
        <section>
          ${heading(t.methodologySources)}
          <ul>${m.sources.map((source) => {
            const url = safeUrl(source.url);
            const name = text(source.name);
            return html`<li>${url ? html`<a href=${url} rel="noopener">${name}</a>` : name}${source.publisher ? ` — ${text(source.publisher)}` : ''}</li>`;
          })}</ul>
          ${feed.license ? html`<p class="fineprint">${safeUrl(feed.license.url)
            ? html`<a href=${safeUrl(feed.license.url)!} rel="noopener license">${t.methodologyLicense(feed.license.name)}</a>`
            : t.methodologyLicense(feed.license.name)}</p>` : nothing}
        </section>
        ${m.caveats?.length ? html`<section>
          ${heading(t.methodologyCaveats)}
          <ul>${m.caveats.map((caveat) => html`<li>${text(caveat)}</li>`)}</ul>
        </section>` : nothing}
        ${m.contact ? html`<section>
          ${heading(t.methodologyContact)}
          <p>
            ${m.contact.name ? html`<span>${text(m.contact.name)}</span>` : nothing}
            ${contactEmail ? html`<a href=${contactEmail}>${t.methodologyEmail(m.contact.email!)}</a>` : nothing}
            ${contactUrl ? html`<a href=${contactUrl} rel="noopener">${t.methodologyWebsite}</a>` : nothing}
          </p>
        </section>` : nothing}
      </div>
    </details>`;
  }

  private renderMetric(feed: Feed, metric: Metric): TemplateResult {
    const t = this.t;
    const text = (label: Label | undefined) => resolveLabel(label, this.locale);
    const about = feed.methodology.metrics[metric.id];
    return html`<dt>${text(metric.label)}</dt>
      <dd>
        ${metric.description ? html`<p>${text(metric.description)}</p>` : nothing}
        ${about?.includes.length ? html`<p class="list-title">${t.methodologyIncludes}</p><ul>${about.includes.map((item) => html`<li>${text(item)}</li>`)}</ul>` : nothing}
        ${about?.excludes.length ? html`<p class="list-title">${t.methodologyExcludes}</p><ul>${about.excludes.map((item) => html`<li>${text(item)}</li>`)}</ul>` : nothing}
        ${about?.notes ? html`<p>${text(about.notes)}</p>` : nothing}
      </dd>`;
  }

  /** The privacy method in plain words, only the statements that apply to this feed. */
  privacyStatements(feed: Feed): string[] {
    const t = this.t;
    const locale = this.locale;
    const k = feed.privacy.minCount;
    const count = (n: number) => formatCount(n, locale);
    const statistics = new Set(feed.metrics.map((m) => m.statistic));
    const hasOther = Object.values(feed.dimensions ?? {}).some((d) => d.values && 'other' in d.values)
      || feed.metrics.some((m) => m.cells.some((c) => m.dimensions.some((d) => d !== 'area' && c[d] === 'other')));
    const out = [feed.privacy.complementary ? t.privacyCounts(count(k - 1)) : t.privacyCountsOnly(count(k - 1))];
    // Rule 4: a quantile q needs n × min(q, 1 − q) ≥ k, so 2k for a median and 10k for a 90th percentile.
    if (statistics.has('quantile')) out.push(t.privacyQuantiles(count(2 * k), count(10 * k)));
    if (statistics.has('share') || statistics.has('rate')) out.push(t.privacyShares(count(k)), t.privacyUnstable);
    if (hasOther) out.push(t.privacyOther(count(k)));
    if (feed.privacy.rounding) out.push(t.privacyRounding(count(feed.privacy.rounding)));
    if (feed.privacy.noise) out.push(t.privacyNoise(formatNumber(feed.privacy.noise.epsilon, 'rate', locale)));
    if (feed.areas || feed.metrics.some((m) => m.dimensions.includes('area'))) out.push(t.privacyAreas);
    return out;
  }

  private onToggle(event: Event): void {
    this.open = (event.currentTarget as HTMLDetailsElement).open;
  }
}

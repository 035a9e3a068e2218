/**
 * The base of every element that shows feed data. It finds the feed (from an enclosing
 * <daylight-feed>, or its own `feed` property), applies the privacy guard, resolves the language,
 * and renders the loading, error and empty states inside a box of fixed minimum size, so a
 * widget never shifts the page when its data arrives or fails. Subclasses render only the ready state.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { feedContext, selectionContext, type FeedSelection, type FeedState } from './context.js';
import { PageLangController, closestLang, updateInLanguage } from './locale.js';
import { PrintController } from './print.js';
import { describeFeedError } from './describe-error.js';
import { reportFaults } from './report.js';
import { choiceOf, THEMES } from './choices.js';
import { validateFeed } from '../../core/validate.js';
import { guardFeed, type PrivacyFault } from '../../core/privacy.js';
import { messagesFor, type Messages } from '../../core/i18n/index.js';
import { findMetric } from '../../core/select.js';
import type { Feed, Grain, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { isPeriodOfGrain, PERIODS_PER_YEAR } from '../../core/period.js';
import { formatCount } from '../../core/format.js';

const validated = new WeakMap<object, FeedState>();

export abstract class DaylightDataElement extends LitElement {
  static override properties: PropertyDeclarations = {
    feed: { attribute: false },
    theme: { reflect: true },
    feedState: { state: true },
    selection: { state: true },
    langAttribute: { attribute: 'lang' },
  };

  /** A feed object to show directly, instead of taking it from an enclosing `<daylight-feed>`. It is validated and privacy-checked like a loaded one. */
  feed?: unknown;

  /** Colour theme: `auto` (default) follows the reader's system setting; `light` or `dark` force one. Widgets paint their own surface, so either reads well on any page. */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** From the enclosing `<daylight-feed>`. */
  protected feedState?: FeedState;

  /** The enclosing feed's shared selection (filters and maps write it). */
  protected selection?: FeedSelection;

  /** Mirrors the `lang` attribute so that changing it re-renders. */
  protected langAttribute?: string;

  constructor() {
    super();
    new ContextConsumer(this, { context: feedContext, subscribe: true, callback: (state) => { this.feedState = state; } });
    new ContextConsumer(this, { context: selectionContext, subscribe: true, callback: (selection) => { this.selection = selection; } });
    new PageLangController(this);
    new PrintController(this);
  }

  /** The language tag this element renders in. */
  protected get locale(): string {
    // closestLang reads this element's own `lang` first; the property only makes a change re-render.
    return closestLang(this);
  }

  protected get t(): Messages {
    return messagesFor(this.locale);
  }

  /** Holds each update until the element's language has its catalogue (see `updateInLanguage`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return updateInLanguage(this.locale, () => super.scheduleUpdate());
  }

  /** The state to render: the `feed` property wins over the enclosing `<daylight-feed>`. */
  protected get effectiveState(): FeedState | undefined {
    if (this.feed !== undefined && this.feed !== null) return stateFromObject(this.feed);
    return this.feedState;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The stylesheet reads the attribute itself (anything but light or dark follows the system).
    if (changed.has('theme')) choiceOf(this, 'theme', this.theme, THEMES, 'auto');
    if (changed.has('feed') && this.feed) {
      const state = stateFromObject(this.feed);
      // A feed given directly has no <daylight-feed> to report its faults, so the element does.
      if (state.status === 'ready' && state.faults.length) reportFaults(this, state.feed, state.faults);
    }
  }

  protected override render(): TemplateResult {
    const state = this.effectiveState;
    const t = this.t;
    if (!state) return this.renderFrame(html`<div class="state" role="note">${t.noFeed}</div>`);
    switch (state.status) {
      case 'loading':
        return this.renderFrame(html`<div class="state" aria-busy="true">
          <div class="skeleton skeleton-title"></div>
          <div class="skeleton skeleton-body"></div>
          <span class="visually-hidden">${t.loading}</span>
        </div>`);
      case 'error': {
        const { summary, issues, more } = describeFeedError(state.error, t);
        return this.renderFrame(html`<div class="state error" role="alert">
          <strong>${t.errorWidget}</strong>
          <details><summary>${t.errorDetails}</summary>
            <p>${summary}</p>
            ${issues.length ? html`<ul>${issues.map((issue) => html`<li><code>${issue}</code></li>`)}</ul>` : nothing}
            ${more ? html`<p>${t.moreProblems(more)}</p>` : nothing}
          </details>
        </div>`);
      }
      case 'ready': {
        const problem = this.configurationProblem(state.feed) ?? this.periodProblem();
        if (problem) return this.renderFrame(html`<div class="state error" role="alert"><strong>${problem}</strong></div>`);
        return this.renderFrame(this.renderReady(state.feed, state.faults));
      }
    }
  }

  /** Wraps every state in the same frame, so the reserved size holds across states. */
  protected renderFrame(content: TemplateResult): TemplateResult {
    return html`<div class="card" part="base">${content}</div>`;
  }

  /** A message when the element's attributes do not fit the feed (unknown metric...), else undefined. */
  protected configurationProblem(_feed: Feed): string | undefined {
    return undefined;
  }

  protected abstract renderReady(feed: Feed, faults: readonly PrivacyFault[]): TemplateResult;

  /** The `period` attribute of elements that show one period (undefined for the others). */
  protected get requestedPeriod(): string | undefined {
    return undefined;
  }

  /**
   * A `period` that is no period at all ("2024-13", "last year") explained, instead of a widget
   * that reads "No data 2024-13" as if the feed lacked it. A well-formed period the feed does not
   * have still shows as no data.
   */
  private periodProblem(): string | undefined {
    const period = this.requestedPeriod;
    if (period === undefined || period === null || period === TOTAL) return undefined;
    const grains = Object.keys(PERIODS_PER_YEAR) as Grain[];
    return grains.some((grain) => isPeriodOfGrain(period, grain)) ? undefined : this.t.notAPeriod(period);
  }

  /** Looks up a metric and explains, in the reader's language, when it is missing. */
  protected metricProblem(feed: Feed, id: string | undefined): string | undefined {
    if (!id) return this.t.noMetricAttribute;
    if (findMetric(feed, id)) return undefined;
    return this.t.unknownMetric(id, feed.metrics.map((m: Metric) => m.id).join(', '));
  }

  /** k as the reader's language writes it. */
  protected kText(feed: Feed): string {
    return formatCount(feed.privacy.minCount, this.locale);
  }
}

/** Validates and guards a feed given as an object; memoised so re-renders cost nothing. */
export function stateFromObject(input: unknown): FeedState {
  if (typeof input !== 'object' || input === null) {
    const result = validateFeed(input);
    return { status: 'error', error: { kind: 'schema', issues: result.ok ? [] : result.errors } };
  }
  let state = validated.get(input);
  if (!state) {
    const result = validateFeed(input);
    if (result.ok) {
      const guarded = guardFeed(result.feed);
      state = { status: 'ready', feed: guarded.feed, faults: guarded.faults };
    } else {
      state = { status: 'error', error: { kind: 'schema', issues: result.errors } };
    }
    validated.set(input, state);
  }
  return state;
}

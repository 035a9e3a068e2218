/**
 * The bar list behind the breakdown, the funnel and the distribution's histogram: one list item per
 * bar, its visual row hidden from screen readers and a full sentence given to them instead, so
 * nothing is read twice and nothing is read as a bare number. A hidden value gets a hatched stub of
 * fixed length: the bar never encodes what the text withholds.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import type { CellText } from '../../core/describe.js';

export interface BarRow {
  key: string;
  label: string;
  text: CellText;
  /** After the value, e.g. a share of the total. */
  valueExtra?: TemplateResult | string;
  /** Under the bar, e.g. a change or a conversion rate. */
  note?: TemplateResult | string;
  /** What a screen reader hears for the row. */
  sentence: string;
}

export function renderBarList(rows: readonly BarRow[], labelledBy: string, ordered = false): TemplateResult {
  const max = Math.max(0, ...rows.map((r) => (r.text.state === 'published' ? r.text.value! : 0)));
  const items = rows.map((row) => {
    const published = row.text.state === 'published';
    const width = published && max > 0 ? `${(100 * row.text.value!) / max}%` : '0%';
    return html`<li class="row ${row.text.state}" data-key=${row.key}>
      <div class="visual" aria-hidden="true">
        <span class="name">${row.label}</span>
        <span class="track">${published
          // Through CSSOM only: a strict style-src policy refuses style attributes (see cssom-style.ts).
          ? html`<span class="bar" part="bar" ${cssomStyle({ width })}></span>`
          : html`<span class="hatch" part="bar"></span>`}</span>
        <span class="value"><span class="number">${row.text.short}</span>${row.text.unstable ? '*' : ''}${row.valueExtra ?? nothing}</span>
        ${row.note ? html`<span class="change">${row.note}</span>` : nothing}
      </div>
      <span class="visually-hidden">${row.sentence}</span>
    </li>`;
  });
  return ordered
    ? html`<ol class="bars" part="bars" aria-labelledby=${labelledBy}>${items}</ol>`
    : html`<ul class="bars" part="bars" aria-labelledby=${labelledBy}>${items}</ul>`;
}

/** Renders every story module in stories/ as a section of demo/stories.html. */
import { html, render } from 'lit';
import '../src/index.ts';
import type { Story, StoryMeta } from '../stories/story.ts';

const modules = import.meta.glob<Record<string, unknown> & { default: StoryMeta }>('../stories/*.stories.ts', { eager: true });
const sections = Object.values(modules).map((module) => ({
  meta: module.default,
  stories: Object.entries(module).filter(([key]) => key !== 'default') as Array<[string, Story]>,
}));

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2');

render(
  html`<ul>${sections.map(({ meta }) => html`<li><a href="#${meta.title}">&lt;${meta.title}&gt;</a></li>`)}</ul>`,
  document.getElementById('story-index')!,
);
render(
  html`${sections.map(({ meta, stories }) => html`<section id=${meta.title}>
    <h2>&lt;${meta.title}&gt;</h2>
    ${stories.map(([key, story]) => html`<div class="story">
      <h3>${story.name ?? words(key)}</h3>
      ${story.note ? html`<p class="note">${story.note}</p>` : ''}
      <div class="frame">${story.render()}</div>
    </div>`)}
  </section>`)}`,
  document.getElementById('stories')!,
);

import type { TemplateResult } from 'lit';

/** Component Story Format, as Storybook reads it: a default export (meta) and named stories. */
export interface StoryMeta {
  title: string;
  component: string;
}

export interface Story {
  name?: string;
  /** What a reviewer should see in this state. */
  note?: string;
  render: () => TemplateResult;
}

/** Where stories find feeds: the demo server serves demo/ at the root. */
export const FEEDS = 'feeds';

/** A URL the demo server never answers (see vite.config.ts), for the loading state. */
export const NEVER = '/__demo/never';

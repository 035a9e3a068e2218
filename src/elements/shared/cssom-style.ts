/**
 * `style=${cssomStyle({ width: '40%' })}`: sets inline styles through CSSOM on every render.
 *
 * Cities serve pages with `style-src 'self'`, which blocks style *attributes*. Lit's own
 * styleMap writes a style attribute on the first render (it only switches to CSSOM afterwards),
 * so under such a policy the first frame of every bar and tooltip is refused. CSSOM writes are
 * allowed by every CSP, so this directive only ever uses them.
 */
import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

export type StyleValues = Record<string, string | number | undefined | null>;

class CssomStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('cssomStyle must be used as an element directive: <div ${cssomStyle({...})}>');
    }
  }

  render(_styles: StyleValues): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [StyleValues]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(toCssName(name));
    this.previous = new Set();
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined || value === null) {
        style.removeProperty(toCssName(name));
      } else {
        style.setProperty(toCssName(name), String(value));
        this.previous.add(name);
      }
    }
    return noChange;
  }
}

function toCssName(name: string): string {
  return name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const cssomStyle = directive(CssomStyleDirective);

// Removes from Leaflet what the map cannot reach, for every build that bundles <daylight-map>
// (the library, the demo site, the benchmark pages, the size figures) and for the browser tests,
// so that the tests run the Leaflet residents get.
//
// Leaflet's classes are object literals handed to `extend()`: a bundler keeps a class whole or not
// at all, so every method of Map ships even when nothing calls it (flying animations,
// geolocation). The methods listed here are cut from the source before bundling. Each name was
// checked by hand against the modules the map bundles, and test/node/leaflet-trim.test.ts checks
// that no bundled code (Leaflet's or Daylight's, canvas and tile chunks included) still mentions
// one of them, so a later change that starts calling one fails there rather than in a browser.
// A name that is no longer in its file (another Leaflet version) stops the build.
//
// Nothing is rewritten: whole properties go, and each leaves its line breaks behind, so line
// numbers (and the source maps that point at them) stay as they were.
import ts from 'typescript';

/** Methods nothing in the map calls, by module under leaflet/src/. */
export const UNUSED_METHODS = {
  'map/Map.js': [
    'flyTo', 'flyToBounds', 'panInside', 'locate', '_handleGeolocationError', '_handleGeolocationResponse',
    'getPanes', 'getContainer', 'fitWorld', 'mouseEventToLatLng', '_latLngToNewLayerPoint', '_latLngBoundsToNewLayerBounds',
  ],
  'layer/vector/Path.js': ['redraw'],
  // A layer's centre is asked for only by popups and tooltips, which the map has none of (its
  // labels come from src/core/geo.ts); Map and LatLngBounds keep their own getCenter.
  'layer/vector/Polyline.js': ['setLatLngs', 'addLatLng', 'closestLayerPoint', 'isEmpty', 'getCenter'],
  'layer/vector/Polygon.js': ['isEmpty', 'getCenter'],
  // Circles are never drawn.
  'layer/vector/SVG.js': ['_updateCircle'],
  'layer/LayerGroup.js': ['getLayer', 'getLayers'],
  'geo/LatLng.js': ['toBounds'],
  'geo/LatLngBounds.js': ['pad', 'toBBoxString'],
  'geometry/Bounds.js': ['pad'],
  // Only for maps of over 1,500 areas (their own chunk).
  'layer/vector/Canvas.js': ['_updateCircle'],
  // Only with `tiles` (their own chunk).
  'layer/tile/GridLayer.js': ['setOpacity', 'isLoading', 'getContainer', 'redraw', '_keyToBounds'],
  'layer/tile/TileLayer.js': ['setUrl'],
  'control/Control.js': ['setPosition', 'getContainer', '_refocusOnMap', 'addControl', 'removeControl'],
  'control/Control.Attribution.js': ['setPrefix'],
};

/**
 * Flags of Leaflet's `Browser` (core/Browser.js) nothing in the map reads. Browser is one object
 * of ~35 user-agent tests, so a bundler keeps all of them; these go from the object, and so do
 * the variables that only they used (`removeUnusedFlags`).
 */
export const UNUSED_BROWSER_FLAGS = [
  'ie', 'webkit', 'android', 'android23', 'androidStock', 'gecko', 'phantom', 'opera12', 'win', 'webkit3d', 'gecko3d',
  'mobileWebkit', 'mobileWebkit3d', 'mobileGecko',
];

/**
 * Modules replaced whole. VML is Internet Explorer 8's vector format: SVG.js picks it only where
 * the browser has no SVG, which no browser Daylight supports lacks.
 */
export const REPLACED_MODULES = {
  'layer/vector/SVG.VML.js': 'export var vmlCreate;\nexport var vmlMixin = {};\n',
};

const LEAFLET_SOURCE = /[\\/]leaflet[\\/]src[\\/](.+\.js)$/;

/** The module's path under leaflet/src/ ("map/Map.js"), or undefined for any other file. */
export function leafletModule(id) {
  const match = LEAFLET_SOURCE.exec(id.split('?')[0]);
  return match ? match[1].replaceAll('\\', '/') : undefined;
}

/**
 * `code` without the listed methods of object literals, each replaced by its line breaks.
 * @param {string} code
 * @param {string} file for error messages
 * @param {readonly string[]} names
 * @returns {string}
 */
export function removeMethods(code, file, names) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const wanted = new Set(names);
  const cuts = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      node.properties.forEach((property, i) => {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
        const isFunction = ts.isMethodDeclaration(property)
          || (ts.isPropertyAssignment(property) && ts.isFunctionExpression(property.initializer));
        if (!name || !wanted.has(name) || !isFunction) return;
        // The property with the comments above it and the comma after it (up to where the next
        // property's comments begin), so neighbouring properties can both go. The last one has
        // no comma of its own and leaves the previous one's behind: a trailing comma, which
        // object literals allow.
        const next = node.properties[i + 1];
        cuts.push({ start: property.getFullStart(), end: next ? next.getFullStart() : property.end, name });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const found = new Set(cuts.map((cut) => cut.name));
  const missing = names.filter((name) => !found.has(name));
  if (missing.length) {
    throw new Error(`leaflet-trim: ${file} has no method ${missing.join(', ')} to remove; this Leaflet is not the one scripts/leaflet-trim.mjs was written for, so check its lists again`);
  }
  const duplicated = names.filter((name) => cuts.filter((cut) => cut.name === name).length > 1);
  if (duplicated.length) throw new Error(`leaflet-trim: ${file} defines ${duplicated.join(', ')} more than once; name the one to remove`);
  cuts.sort((a, b) => b.start - a.start);
  cuts.forEach((cut, i) => {
    if (i > 0 && cut.end > cuts[i - 1].start) throw new Error(`leaflet-trim: ${file}: the cuts for ${cut.name} and ${cuts[i - 1].name} overlap`);
  });
  let out = code;
  for (const cut of cuts) {
    out = out.slice(0, cut.start) + '\n'.repeat(code.slice(cut.start, cut.end).split('\n').length - 1) + out.slice(cut.end);
  }
  return out;
}

/**
 * `code` (core/Browser.js) without the listed properties of its default-exported object, and
 * without each top-level `var` that nothing uses once they are gone (repeatedly, since one
 * variable may only have fed another). Each removal leaves its line breaks behind. The removed
 * variables' initialisers only read the user agent and the DOM, so dropping them changes nothing
 * else; one with a call in it other than `userAgentContains`, `parseInt`, `exec` or `indexOf` stops the build.
 * @param {string} code
 * @param {string} file for error messages
 * @param {readonly string[]} flags
 * @returns {string}
 */
export function removeUnusedFlags(code, file, flags) {
  const blank = (text, start, end) => text.slice(0, start) + '\n'.repeat(text.slice(start, end).split('\n').length - 1) + text.slice(end);
  let out = code;
  {
    const source = ts.createSourceFile(file, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const exported = source.statements.find((statement) => ts.isExportAssignment(statement) && ts.isObjectLiteralExpression(statement.expression));
    if (!exported) throw new Error(`leaflet-trim: ${file} has no default-exported object of flags`);
    const properties = exported.expression.properties;
    const wanted = new Set(flags);
    const cuts = [];
    properties.forEach((property, i) => {
      const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
      if (!name || !wanted.has(name)) return;
      const next = properties[i + 1];
      cuts.push({ start: property.getFullStart(), end: next ? next.getFullStart() : property.end, name });
    });
    const missing = flags.filter((flag) => !cuts.some((cut) => cut.name === flag));
    if (missing.length) throw new Error(`leaflet-trim: ${file} has no flag ${missing.join(', ')} to remove; check UNUSED_BROWSER_FLAGS against this Leaflet`);
    for (const cut of cuts.sort((a, b) => b.start - a.start)) out = blank(out, cut.start, cut.end);
  }
  const SAFE_CALLS = new Set(['userAgentContains', 'parseInt', 'exec', 'indexOf']);
  for (;;) {
    const source = ts.createSourceFile(file, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const uses = new Map();
    const declared = new Map();
    const visit = (node, inDeclarationName) => {
      if (ts.isIdentifier(node) && !inDeclarationName) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
      ts.forEachChild(node, (child) => visit(child, ts.isVariableDeclaration(node) && child === node.name));
    };
    visit(source, false);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) continue;
      const declaration = statement.declarationList.declarations[0];
      if (ts.isIdentifier(declaration.name)) declared.set(declaration.name.text, statement);
    }
    const unused = [...declared].filter(([name]) => !uses.has(name));
    if (unused.length === 0) return out;
    for (const [name, statement] of unused.sort((a, b) => b[1].pos - a[1].pos)) {
      const calls = [];
      const findCalls = (node) => {
        if (ts.isCallExpression(node)) calls.push(node.expression.getText(source).split('.').pop());
        ts.forEachChild(node, findCalls);
      };
      findCalls(statement);
      const unsafe = calls.filter((call) => !SAFE_CALLS.has(call));
      if (unsafe.length) throw new Error(`leaflet-trim: ${file}: ${name} is unused but its initialiser calls ${unsafe.join(', ')}; check it before removing`);
      out = blank(out, statement.getFullStart(), statement.end);
    }
  }
}

/**
 * Classes of Leaflet's CSS for parts the map never creates: popups, tooltips, markers, the zoom,
 * layers and scale controls and the bar they sit in, the box-zoom rectangle and its cursor, image
 * overlays, VML shapes, old Internet Explorer, and the high-density icon of the layers control.
 * (The panes stay, with their stacking order, and so do tiles, the attribution control and its
 * corners, dragging and zoom-animation classes, and the Safari tile rules.)
 */
export const UNUSED_CSS_CLASSES = [
  'leaflet-popup', 'leaflet-popup-content-wrapper', 'leaflet-popup-content', 'leaflet-popup-tip-container',
  'leaflet-popup-tip', 'leaflet-popup-close-button', 'leaflet-popup-scrolled',
  'leaflet-tooltip', 'leaflet-tooltip-top', 'leaflet-tooltip-bottom', 'leaflet-tooltip-left', 'leaflet-tooltip-right',
  'leaflet-marker-icon', 'leaflet-marker-shadow',
  'leaflet-control-zoom', 'leaflet-control-zoom-in', 'leaflet-control-zoom-out',
  'leaflet-control-layers', 'leaflet-control-layers-toggle', 'leaflet-control-layers-expanded',
  'leaflet-control-layers-list', 'leaflet-control-layers-scrollbar', 'leaflet-control-layers-selector',
  'leaflet-control-layers-separator', 'leaflet-control-layers-overlays', 'leaflet-control-layers-base',
  'leaflet-control-scale', 'leaflet-control-scale-line', 'leaflet-bar', 'leaflet-disabled',
  'leaflet-zoom-box', 'leaflet-crosshair', 'leaflet-image-layer', 'leaflet-vml-shape', 'lvml', 'leaflet-oldie', 'leaflet-retina',
  'leaflet-default-icon-path', 'leaflet-div-icon', 'leaflet-marker-draggable',
];

const LEAFLET_CSS = /[\\/]leaflet[\\/]dist[\\/]leaflet\.css$/;
const unusedClass = new RegExp(`\\.(?:${UNUSED_CSS_CLASSES.join('|')})(?![\\w-])`);

/**
 * Leaflet's stylesheet without the rules for parts the map never creates (UNUSED_CSS_CLASSES):
 * two thirds of it, which the map's chunk carries and every map parses into its shadow root. A
 * selector list keeps the selectors that name none of them; a rule left with none goes, and so
 * does an at-rule left empty. Comments go too. Leaflet's CSS has no strings or nested braces
 * beyond one level of @media, which is all this reads.
 * @param {string} css
 * @returns {string}
 */
export function trimLeafletCss(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blockEnd = (from) => {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i + 1;
    }
    throw new Error('leaflet-trim: unbalanced braces in leaflet.css');
  };
  const rules = (from, to) => {
    const kept = [];
    let at = from;
    for (;;) {
      const open = text.indexOf('{', at);
      if (open < 0 || open >= to) break;
      const end = blockEnd(open);
      const head = text.slice(at, open).trim();
      if (head.startsWith('@')) {
        const inner = rules(open + 1, end - 1);
        if (inner.length) kept.push(`${head} {\n${inner.join('\n')}\n}`);
      } else {
        const selectors = head.split(',').map((selector) => selector.trim()).filter((selector) => !unusedClass.test(selector));
        if (selectors.length) kept.push(`${selectors.join(',\n')} ${text.slice(open, end).trim()}`);
      }
      at = end;
    }
    return kept;
  };
  return `${rules(0, text.length).join('\n')}\n`;
}

/**
 * The trimmed source of a Leaflet module, or undefined when `id` is not one this trims.
 * @param {string} code
 * @param {string} id a file path or module id
 * @returns {string | undefined}
 */
export function trimLeaflet(code, id) {
  if (LEAFLET_CSS.test(id.split('?')[0])) return trimLeafletCss(code);
  const module = leafletModule(id);
  if (!module) return undefined;
  if (module in REPLACED_MODULES) return REPLACED_MODULES[module];
  if (module === 'core/Browser.js') return removeUnusedFlags(code, module, UNUSED_BROWSER_FLAGS);
  const names = UNUSED_METHODS[module];
  return names ? removeMethods(code, module, names) : undefined;
}

/** Vite plugin (builds and the dev server). */
export function leafletTrimVite() {
  return {
    name: 'daylight-leaflet-trim',
    enforce: 'pre',
    transform(code, id) {
      const out = trimLeaflet(code, id);
      return out === undefined ? undefined : { code: out, map: null };
    },
  };
}

/** esbuild plugin, for bundles measured outside Vite (scripts/element-sizes.mjs). */
export function leafletTrimEsbuild() {
  return {
    name: 'daylight-leaflet-trim',
    setup(build) {
      build.onLoad({ filter: LEAFLET_SOURCE }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const out = trimLeaflet(await readFile(args.path, 'utf8'), args.path);
        return out === undefined ? undefined : { contents: out, loader: 'js' };
      });
    },
  };
}

/**
 * @web/dev-server plugin, so the browser tests run the trimmed Leaflet. Its modules only: the dev
 * server turns `leaflet.css?inline` into a module in the test config's own plugin, which trims
 * the CSS first (trimLeafletCss), so the order of the two plugins does not matter.
 */
export function leafletTrimDevServer() {
  return {
    name: 'daylight-leaflet-trim',
    transform(context) {
      if (!leafletModule(context.path)) return undefined;
      const out = trimLeaflet(context.body, context.path);
      return out === undefined ? undefined : { body: out };
    },
  };
}

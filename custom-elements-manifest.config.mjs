// Configuration of the custom-elements manifest analyzer (`cem analyze`, run by
// scripts/check-manifest.mjs).
//
// The elements declare their reactive properties in `static properties`. The analyzer reads that
// object for attribute names and types, but not Lit's `state: true`, which marks internal state
// that has no attribute: without this plugin every such field would be listed as an attribute of
// the public API (and flagged as undocumented).

/** `Class.field` of every `static properties` entry with `state: true`. */
const stateFields = new Set();

function isStatic(ts, member) {
  return (ts.getModifiers?.(member) ?? member.modifiers ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

const statePropertiesPlugin = {
  name: 'daylight-lit-state-properties',
  analyzePhase({ ts, node }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || !isStatic(ts, member) || member.name.getText() !== 'properties') continue;
      if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
      for (const entry of member.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const isState = entry.initializer.properties.some((option) => ts.isPropertyAssignment(option)
          && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword);
        if (isState) stateFields.add(`${node.name.text}.${entry.name.getText()}`);
      }
    }
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        // An inherited entry names the class that declared it.
        const isState = (item, field) => stateFields.has(`${item.inheritedFrom?.name ?? declaration.name}.${field}`);
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((attribute) => !isState(attribute, attribute.fieldName));
        }
        for (const member of declaration.members ?? []) {
          if (member.kind === 'field' && isState(member, member.name)) delete member.attribute;
        }
      }
    }
  },
};

export default {
  litelement: true,
  plugins: [statePropertiesPlugin],
};

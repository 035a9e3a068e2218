export declare const LEAFLET_CORE: RegExp;
export declare const leafletCodeSplitting: { groups: Array<{ name: string; test: RegExp }> };

export interface SizeRow { name: string; raw: number; gzip: number; brotli: number; budget?: number }
export const BUDGETS: { trend: number; map: number; kit: number };
export function compressed(bytes: Uint8Array): { raw: number; gzip: number; brotli: number };
export function measureSizes(): Promise<SizeRow[]>;
export function sizeTable(rows: SizeRow[]): string;
export function withStableHashes(files: ReadonlyArray<{ path: string; text: string }>): (text: string) => string;

/** The console line a bench page prints when its charts are painted, followed by the time in ms. */
export const PAINTED_MESSAGE = 'daylight-bench: painted';

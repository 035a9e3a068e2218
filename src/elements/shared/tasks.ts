/** Small scheduling helpers shared by elements that wait on something outside Lit's update. */

/** A promise with its resolve function, and whether it has been resolved. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let done!: (value: T) => void;
  const result: Deferred<T> = { promise: new Promise<T>((resolve) => { done = resolve; }), settled: false, resolve: () => undefined };
  result.resolve = (value: T) => { result.settled = true; done(value); };
  return result;
}

/** The Prioritized Task Scheduling API, where the browser has it (Chromium; not yet Safari). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/**
 * Resolves in a new task. A user-blocking scheduler task runs ahead of the browser's pending
 * rendering work (a posted message waited behind a frame: the cold map drew ~8 ms later, 25
 * interleaved runs each); elsewhere a message, which unlike setTimeout is neither clamped nor
 * throttled in a background tab.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) return scheduler.postTask(() => undefined, { priority: 'user-blocking' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/** How much of an idle moment is left; Chromium's and Firefox's `IdleDeadline`, or the fallback's. */
export interface IdleTime {
  timeRemaining(): number;
  /** The moment came because the timeout ran out, not because the page was idle. */
  readonly didTimeout: boolean;
}

/** The longest idle moment a browser gives (the idle-callback specification caps a deadline at 50 ms). */
const LONGEST_IDLE_MS = 50;

/** The time an idle moment is given where the browser does not say (Safari): half a 60 Hz frame. */
const FALLBACK_IDLE_MS = 8;

/**
 * Runs `task` once the page is idle after its next paint, and within `timeout` ms at the latest;
 * returns a function that cancels it. Safari has no `requestIdleCallback`: there the task runs in
 * the first task after the next frame, which is after that frame's paint too, and is given
 * `FALLBACK_IDLE_MS`. That moment counts as timed out: nothing says the page is idle then, and no
 * later moment is more likely to be.
 */
export function whenIdle(task: (idle: IdleTime) => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => task(deadline), { timeout });
    return () => cancelIdleCallback(id);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      const end = performance.now() + FALLBACK_IDLE_MS;
      task({ timeRemaining: () => Math.max(0, end - performance.now()), didTimeout: true });
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Items that wait for the page's idle moments, handled as many per moment as it has room for.
 * An item starts only when the moment has room for it, going by how long items have taken
 * (`expected`). Handling items until the deadline had passed, as this did first, ran the last one
 * past it every time, which holds up the page's next frame: traced under 4x CPU throttling, one
 * idle callback building eight trends' points ran for 55 ms, in a moment of at most 50. A moment
 * that comes by the timeout handles one item whatever its room, so that a page that is never idle
 * still gets through them. Each `handle` should do its work at once, so that the moment's deadline
 * counts it.
 */
export class IdleQueue<T> {
  private readonly waiting = new Set<T>();
  private cancel?: () => void;
  /**
   * How long the next item is expected to take, in ms: the last one's time, or half the estimate
   * before it when that is more. One slow item (a GC pause in it, say) is soon forgotten; going by
   * the longest item ever, a page that had one item of 50 ms never again had an idle moment with
   * room, and got through the rest one per timeout.
   */
  private expected = 0;

  /** @param now the clock items are timed by (a test's own, in tests) */
  constructor(
    private readonly handle: (item: T) => void,
    private readonly timeout: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(item: T): void {
    this.waiting.add(item);
    this.cancel ??= whenIdle((idle) => this.run(idle), this.timeout);
  }

  /** Takes an item off the queue (no-op when it is not on it); the last one out cancels the callback. */
  delete(item: T): void {
    if (!this.waiting.delete(item) || this.waiting.size) return;
    this.cancel?.();
    this.cancel = undefined;
  }

  private run(idle: IdleTime): void {
    this.cancel = undefined;
    let mustHandleOne = idle.didTimeout;
    for (const item of this.waiting) {
      // An item longer than any idle moment starts at the start of a whole one, the best it can get.
      if (!mustHandleOne && idle.timeRemaining() <= Math.min(this.expected, LONGEST_IDLE_MS - 1)) break;
      mustHandleOne = false;
      this.waiting.delete(item);
      const start = this.now();
      this.handle(item);
      this.expected = Math.max(this.now() - start, this.expected / 2);
    }
    if (this.waiting.size) this.cancel = whenIdle((next) => this.run(next), this.timeout);
  }
}

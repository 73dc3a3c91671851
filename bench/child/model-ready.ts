/**
 * Start-up probe, run in a fresh process by bench/startup.ts as `node --import tsx bench/child/model-ready.ts`:
 * import the app context, load the bundled seasons, print one JSON line of monotonic timestamps
 * (process.hrtime, comparable with the parent's) and Node's own start-up marks.
 */
const started = process.hrtime.bigint();
const { createAppContext } = await import('../../src/core/app-context.js');
const imported = process.hrtime.bigint();
const app = createAppContext();
const ready = process.hrtime.bigint();
const sinceOrigin = performance.now();
process.stdout.write(
  `${JSON.stringify({
    started: String(started),
    imported: String(imported),
    ready: String(ready),
    seasons: app.catalog.list().length,
    /** ms from Node's time origin (process start) to model ready, as this process sees it. */
    readyFromOriginMs: sinceOrigin,
    bootstrapCompleteMs: performance.nodeTiming.bootstrapComplete,
  })}\n`,
);

/**
 * One notebook's coroutine state: compiles and runs its cells, keeps their top-level
 * declarations (NotebookScope), and turns each run into nbformat outputs in the order docs/architecture.md gives:
 * streams and display_data as they happen, end-of-run warnings (stderr), the error, the last
 * expression's value (execute_result), then the chart.
 */
import { buildChartBundle } from '../chart'; // the chart module (src/chart/index.ts)
import { compileCell, HELPER_NAMES, SLEEP_BINDINGS, type CompiledCell } from '../compiler';
import * as scheduler from '../scheduler';
import { awaitMarker } from './await-marks';
import { createCellApi } from './cell-api';
import { resolveCellOptions } from './cell-options';
import { extraHelpers } from './extra-helpers';
import { inspectValue } from './format-output';
import { NotebookScope } from './notebook-scope';
import { OutputLimiter, type OutputPiece } from './output-limiter';
import { cellCoroutineHooks } from './coroutine-tracking';
import { OUTSIDE_WAIT_LIMIT_MS, outsideWaitLimit } from './outside-wait-limit';
import { startProgressEmitter, type ProgressEmitter } from './progress-emitter';
import {
  appendOutput,
  type CellOptions,
  type CellProgress,
  type CellRequest,
  type CellStatus,
  type MimeBundle,
  type NbOutput
} from '../protocol';
import { CellRegistry, cellStack } from './stack-frames';
import { cellLocator } from './code-locations';
import { summariseWarnings } from './warning-summary';
import { compileErrorOutput, errorOutput, interruptOutput, plainErrorOutput, warningText } from './traceback';
import { createGradingApi, makeRunRecord, type RunRecord } from '../grading';

/** What runCell gives back. */
export interface CellResult {
  status: CellStatus;
  outputs: NbOutput[];
  trace: scheduler.Trace;
}

/** Options of a session. */
export interface CellSessionOptions {
  /** Real milliseconds an outside await may take on the virtual clock (default OUTSIDE_WAIT_LIMIT_MS). */
  outsideWaitLimitMs?: number;
}

type DisplayOutput = Extract<NbOutput, { output_type: 'display_data' }>;

/** A cell with the constructs lessons use, compiled (never run) by warmUp(). */
const WARM_UP_CELL = `async function work(name: string, d: number) { await sleep(d); print(name, now()); return { name }; }
const results = await gather(work("a", 1), createTask(work("b", 2)));
for await (const x of [1]) print(x, results);
class C { #n = 0; async m() { await using t = timeout(1); return this.#n; } }`;

/** How many raised exceptions a run remembers for the interrupt traceback. */
const MAX_RAISED_KEPT = 1_000;

const EMPTY_TRACE = (clock: 'virtual' | 'real'): scheduler.Trace => ({ clock, events: [], truncated: false });

/** One notebook's coroutine state: compiles and runs cells, keeps top-level declarations. */
export class CellSession {
  private readonly registry = new CellRegistry();
  private readonly scope: NotebookScope;
  private readonly helpers: unknown[];
  /** What compiled `await sleep(0)` compares with and yields (the compiler's SLEEP_BINDINGS). */
  private readonly sleepBindings: unknown[];
  private readonly apiNames: ReadonlySet<string>;
  private readonly outsideWaitLimit: scheduler.OutsideWaitLimit;
  private displaySink: ((bundle: MimeBundle) => void) | null = null;
  /** Prints made while the running cell's loop is parked (outside callbacks) go here. */
  private outsideSink: ((stream: 'stdout' | 'stderr', text: string) => void) | null = null;
  private current: scheduler.RunHandle<unknown> | null = null;
  private compiled = 0;
  /** Exceptions raised by cell coroutines during the current run (for the interrupt traceback). */
  private raised: unknown[] = [];
  /** Where this session's cell coroutines are, for the await graph (printCallGraph, deadlocks). */
  private readonly locator = cellLocator(this.registry);
  /** What the runtime learns from the scheduler about cell coroutines (see coroutine-tracking). */
  private readonly coroutineHooks: scheduler.CoroutineHooks;
  /** The last cell run that was not itself a check (what lastRun() and the expect... globals read). */
  private previousRun: RunRecord | null = null;
  /** Set when the running cell reads lastRun(): a check cell does not replace the run it checks. */
  private readsPreviousRun = false;

  constructor(options: CellSessionOptions = {}) {
    const api = createCellApi(
      bundle => this.displaySink?.(bundle),
      stack => cellStack(stack, this.registry),
      (stream, text) => (this.outsideSink ? (this.outsideSink(stream, text), true) : false)
    );
    const readPrevious = (): RunRecord | null => ((this.readsPreviousRun = true), this.previousRun);
    const pass = (line: string): void => scheduler.emitOutput('stdout', `✓ ${line}\n`);
    for (const [name, value] of createGradingApi(readPrevious, pass)) api.set(name, value);
    this.apiNames = new Set(api.keys());
    this.scope = new NotebookScope(api);
    this.outsideWaitLimit = outsideWaitLimit(options.outsideWaitLimitMs ?? OUTSIDE_WAIT_LIMIT_MS);
    this.coroutineHooks = cellCoroutineHooks(error => {
      // Keep the latest exceptions only: enough to find where the interrupt caught the cell.
      if (this.raised.push(error) > MAX_RAISED_KEPT) this.raised.splice(0, this.raised.length - MAX_RAISED_KEPT / 2);
    });
    const coroutineHelpers = scheduler.coroutineHelpers as unknown as Record<string, unknown>;
    const all: Record<string, unknown> = { ...extraHelpers, ...coroutineHelpers };
    this.helpers = HELPER_NAMES.map(name => all[name] ?? missingHelper(name));
    this.sleepBindings = SLEEP_BINDINGS.map(name => all[name] ?? missingHelper(name));
  }

  /**
   * Runs one cell; `onOutput` receives each output as it is produced (also returned at the end),
   * `onProgress` the live progress of a cell that runs longer than PROGRESS_DELAY_MS (never an output).
   */
  async runCell(
    request: CellRequest,
    onOutput: (output: NbOutput) => void = () => {},
    onProgress?: (progress: CellProgress) => void
  ): Promise<CellResult> {
    checkRequest(request);
    this.readsPreviousRun = false;
    const result = await this.runUnrecorded(request, onOutput, onProgress);
    if (!this.readsPreviousRun)
      this.previousRun = makeRunRecord(request.cellLabel, result.status, result.trace, result.outputs);
    return result;
  }

  private async runUnrecorded(
    request: CellRequest,
    onOutput: (output: NbOutput) => void,
    onProgress: ((progress: CellProgress) => void) | undefined
  ): Promise<CellResult> {
    const outputs: NbOutput[] = [];
    const emit = (output: NbOutput): void => {
      appendOutput(outputs, output);
      onOutput(output);
    };
    const resolved = resolveCellOptions(request.options, request.metadata, request.source);
    for (const warning of resolved.warnings)
      emit({ output_type: 'stream', name: 'stderr', text: `Warning: ${warning}\n` });
    if (!resolved.ok) {
      const { metadataErrors: meta, directiveErrors: lines } = resolved;
      const [ename, intro] =
        meta.length > 0
          ? [
              'CellOptionsError',
              "The cell's options are not valid, so the cell did not run " +
                "(fix the metadata in the cell's property inspector or the notebook's metadata):"
            ]
          : [
              'CellDirectiveError',
              'The first-line // @coroutine-cells directive is not valid, so the cell did not run:'
            ];
      const all = [...meta, ...lines];
      emit(plainErrorOutput(ename, all.join('; '), [intro, ...all.map(l => `  ${l}`), '']));
      return { status: 'error', outputs, trace: EMPTY_TRACE(request.options.clock) };
    }
    const options = resolved.options;
    const compiled = this.compile(request);
    if (!compiled.ok) {
      emit(compiled.output);
      return { status: 'error', outputs, trace: EMPTY_TRACE(options.clock) };
    }
    return this.execute(compiled.cell, request, options, emit, outputs, onProgress);
  }

  /**
   * Compiles a small cell without running it, so the first real cell does not pay for the
   * compiler's first-use costs (the worker calls this when it starts; nothing is declared).
   */
  warmUp(): void {
    compileCell(WARM_UP_CELL, { cellLabel: 'warm-up', url: 'coroutine-cell-warm-up.js', apiNames: this.apiNames });
  }

  /** Cancels every task of the running cell (KeyboardInterrupt); nothing if none runs. */
  interrupt(): void {
    this.current?.interrupt('KeyboardInterrupt');
  }

  /** Forgets the notebook's declarations (the API stays). */
  reset(): void {
    this.previousRun = null;
    this.scope.clear();
    this.registry.clear();
  }

  private compile(request: CellRequest): { ok: true; cell: CompiledCell } | { ok: false; output: NbOutput } {
    const url = `coroutine-cell-${++this.compiled}-${request.cellLabel.replace(/[^\w-]/g, '_')}.js`;
    const result = compileCell(request.source, {
      cellLabel: request.cellLabel,
      url,
      apiNames: this.apiNames,
      keepFree: name => !this.apiNames.has(name) && !this.scope.has(name) && name in globalThis
    });
    if (!result.ok) return { ok: false, output: compileErrorOutput(result.errors, request.source, request.cellLabel) };
    this.registry.add(result.cell);
    return result;
  }

  private async execute(
    cell: CompiledCell,
    request: CellRequest,
    options: CellOptions,
    emit: (output: NbOutput) => void,
    outputs: NbOutput[],
    onProgress: ((progress: CellProgress) => void) | undefined
  ): Promise<CellResult> {
    const limiter = new OutputLimiter<DisplayOutput>((piece: OutputPiece<DisplayOutput>) =>
      emit(piece.kind === 'text' ? { output_type: 'stream', name: piece.stream, text: piece.text } : piece.item)
    );
    this.displaySink = bundle => limiter.add({ output_type: 'display_data', data: bundle, metadata: {} });
    this.outsideSink = (stream, text) => limiter.write(stream, text);
    this.scope.onWarning(text => scheduler.emitOutput('stderr', text));
    this.raised = [];
    let report: scheduler.RunReport<unknown>;
    let progress: ProgressEmitter | null = null;
    let previousLocator: scheduler.CoroutineLocator | null | undefined;
    try {
      let factory: (...args: unknown[]) => () => scheduler.Coroutine<unknown>;
      try {
        factory = (0, eval)(cell.code);
      } catch (error) {
        // The compiler rejects what it knows; anything else JavaScript refuses ends up here.
        emit(
          plainErrorOutput(
            'SyntaxError',
            `${(error as Error)?.message ?? String(error)} (in the JavaScript compiled from the cell)`
          )
        );
        return { status: 'error', outputs, trace: EMPTY_TRACE(options.clock) };
      }
      const body = factory(
        ...this.helpers,
        this.scope.strict,
        this.scope.soft,
        this.scope.declare,
        this.scope.importApi,
        awaitMarker(cell),
        ...this.sleepBindings
      );
      previousLocator = scheduler.setCoroutineLocator(this.locator);
      this.current = scheduler.startRun(body(), {
        clock: options.clock,
        maxSteps: options.maxSteps,
        // The default step budget also ends a virtual-clock run after 8 s of running; a cell
        // that sets maxSteps itself (directive or settings) asks for exactly that many steps.
        maxWallTime: options.maxSteps === scheduler.DEFAULT_MAX_STEPS ? undefined : Infinity,
        maxVirtualTime: options.maxVirtualTime,
        python: options.python,
        onOutput: (stream, text) => limiter.write(stream, text),
        // On the real clock waiting is the point: no limit there.
        outsideWaitLimit: options.clock === 'virtual' ? this.outsideWaitLimit : undefined,
        coroutineHooks: this.coroutineHooks,
        role: 'cell',
        mainName: request.cellLabel
      });
      if (onProgress) {
        const run = this.current;
        progress = startProgressEmitter({ snapshot: () => run.snapshot(), onProgress, chart: options.chart });
      }
      report = await this.current.done;
    } finally {
      progress?.stop();
      if (previousLocator !== undefined) scheduler.setCoroutineLocator(previousLocator);
      this.current = null;
      this.displaySink = null;
      this.outsideSink = null;
      this.scope.onWarning(() => {});
    }
    if (report.warnings.length > 0) {
      // Summarised, and through the limiter like any other output: a run can leave millions.
      const details = report.warningDetails;
      limiter.write(
        'stderr',
        summariseWarnings(report.warnings, i => warningText(details[i], this.registry))
      );
    }
    limiter.finish();
    if (report.status === 'interrupted') {
      emit(interruptOutput(this.raised, this.registry));
    } else if (report.status === 'error') {
      emit(errorOutput(report.error, this.registry));
    } else {
      const value = resultValue(report.value);
      if (value !== undefined) {
        emit({
          output_type: 'execute_result',
          execution_count: request.executionCount,
          data: { 'text/plain': inspectValue(value) },
          metadata: {}
        });
      }
    }
    if (options.chart.enabled === true || (options.chart.enabled === 'auto' && hasConcurrency(report.trace))) {
      emit(chartOutput(report.trace, options));
    }
    return { status: report.status, outputs, trace: report.trace };
  }
}

/**
 * The last expression's value; the Future that run() returns (a plain Future, not a Task) shows
 * its result instead of itself, as `asyncio.run(main())` shows main's result.
 */
function resultValue(value: unknown): unknown {
  const isRunFuture = value instanceof scheduler.Future && !(value instanceof scheduler.Task);
  if (isRunFuture && value.done() && !value.cancelled() && value.exception() == null) {
    return value.result();
  }
  return value;
}

/**
 * chart=auto: is there anything to draw? A task besides the cell's own, a wait, or virtual time
 * spent; a print-only or declaration cell has none (on the real clock time always passes).
 */
export function hasConcurrency(trace: scheduler.Trace): boolean {
  let tasks = 0;
  for (const e of trace.events) {
    if (e.type === 'task-created' && ++tasks > 1) return true;
    if (e.type === 'suspended' || e.type === 'outside-wait-start' || e.type === 'blocking') return true;
    if (e.type === 'run-end' && trace.clock === 'virtual' && e.t > 0) return true;
  }
  return false;
}

function chartOutput(trace: scheduler.Trace, options: CellOptions): NbOutput {
  try {
    const bundle = buildChartBundle(trace, options.chart);
    return { output_type: 'display_data', data: bundle.data, metadata: bundle.metadata };
  } catch (error) {
    return { output_type: 'stream', name: 'stderr', text: `(the timing chart could not be drawn: ${String(error)})\n` };
  }
}

function missingHelper(name: string): () => never {
  return () => {
    throw new Error(`${name} is not available in coroutine cells yet (TypeScript emit helper)`);
  };
}

function checkRequest(request: CellRequest): void {
  if (request === null || typeof request !== 'object') {
    throw new TypeError(`runCell(): request must be an object, got ${String(request)}`);
  }
  if (typeof request.source !== 'string') {
    throw new TypeError(`runCell(): request.source must be a string, got ${typeof request.source}`);
  }
  if (typeof request.cellLabel !== 'string' || request.cellLabel === '') {
    throw new TypeError(`runCell(): request.cellLabel must be a non-empty string, got ${String(request.cellLabel)}`);
  }
  if (request.options === null || typeof request.options !== 'object') {
    throw new TypeError(`runCell(): request.options must be CellOptions, got ${String(request.options)}`);
  }
}

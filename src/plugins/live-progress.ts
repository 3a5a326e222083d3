/**
 * Live progress under a running coroutine cell (the runtime's `progress` reports): a line with
 * the time reached, the tasks alive and the steps taken, and on the real clock the chart so far,
 * redrawn as it grows. A widget of the cell's view, never an output in the cell's model, so it is
 * never saved in the notebook; the executor removes it when the cell ends (the final chart
 * replaces it), however the cell ends.
 */
import type { Cell, CodeCell } from '@jupyterlab/cells';
import { MimeModel, type IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { PanelLayout, Widget } from '@lumino/widgets';
import { VEGALITE_MIME, type CellProgress } from '../protocol';
import { NO_TRANSLATION, progressText, type ProgressTranslations } from './progress-text';

/** CSS class of the live-progress widget. */
export const LIVE_PROGRESS_CLASS = 'jp-CoroutineCells-progress';

/**
 * A 1×1 transparent PNG. JupyterLab's Vega renderer adds a PNG copy of every chart it draws
 * unless the bundle has one; the live chart is redrawn within a second and never saved, so that
 * copy would only cost the page time.
 */
const PLACEHOLDER_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The widget under a running cell; created on the first report. */
export class LiveProgressView extends Widget {
  private readonly line = new Widget();
  private readonly chartHost = new Widget();
  private renderer: IRenderMime.IRenderer | null = null;
  /** The newest chart not drawn yet (only the newest is drawn: redraws never queue up). */
  private pendingChart: CellProgress['chart'] | null = null;
  private drawing = false;

  constructor(
    private readonly rendermime: IRenderMimeRegistry,
    private readonly trans: ProgressTranslations = NO_TRANSLATION
  ) {
    super();
    this.addClass(LIVE_PROGRESS_CLASS);
    this.line.addClass(`${LIVE_PROGRESS_CLASS}-line`);
    this.line.node.setAttribute('role', 'status');
    this.chartHost.addClass(`${LIVE_PROGRESS_CLASS}-chart`);
    this.chartHost.layout = new PanelLayout();
    const layout = new PanelLayout();
    this.layout = layout;
    layout.addWidget(this.line);
    layout.addWidget(this.chartHost);
  }

  /** Shows a report: the line at once, the chart when the previous one is drawn. */
  report(progress: CellProgress): void {
    if (this.isDisposed) return;
    this.line.node.textContent = progressText(progress, this.trans);
    if (progress.chart !== undefined) {
      this.pendingChart = progress.chart;
      void this.drawNext();
    }
  }

  private async drawNext(): Promise<void> {
    if (this.drawing || this.pendingChart === null || this.isDisposed) return;
    const spec = this.pendingChart;
    this.pendingChart = null;
    this.drawing = true;
    try {
      if (this.renderer === null) {
        this.renderer = this.rendermime.createRenderer(VEGALITE_MIME);
        (this.chartHost.layout as PanelLayout).addWidget(this.renderer);
      }
      // Keep the height while the renderer swaps charts, so the notebook below does not jump.
      this.chartHost.node.style.minHeight = `${this.chartHost.node.offsetHeight}px`;
      const model = new MimeModel({ data: { [VEGALITE_MIME]: spec, 'image/png': PLACEHOLDER_PNG }, trusted: false });
      await this.renderer.renderModel(model);
      // One frame for the page (typing, scrolling) before the next redraw.
      await new Promise<void>(resolve => requestAnimationFrame(() => resolve()));
    } catch (error) {
      console.warn('coroutine-cells: the live chart could not be drawn', error);
    } finally {
      this.drawing = false;
    }
    void this.drawNext();
  }
}

/**
 * The live progress of one run of `cell`: `show` attaches the view under the cell's outputs on the
 * first report; `dispose` removes it (safe to call more than once, or if nothing was shown).
 */
export class LiveProgress {
  private view: LiveProgressView | null = null;
  private disposed = false;

  constructor(
    private readonly cell: Cell,
    private readonly trans: ProgressTranslations = NO_TRANSLATION
  ) {}

  /** Shows a progress report under the cell. */
  show(progress: CellProgress): void {
    if (this.disposed || this.cell.isDisposed) return;
    if (this.view === null) {
      const codeCell = this.cell as CodeCell;
      const layout = this.cell.layout as PanelLayout | null;
      if (!codeCell.outputArea || !(layout instanceof PanelLayout)) return;
      this.view = new LiveProgressView(codeCell.outputArea.rendermime, this.trans);
      // Right after the outputs (their wrapper is a child of the cell's layout).
      const wrapper = codeCell.outputArea.parent;
      const index = wrapper ? layout.widgets.indexOf(wrapper) : -1;
      if (index >= 0) layout.insertWidget(index + 1, this.view);
      else layout.addWidget(this.view);
    }
    this.view.report(progress);
  }

  /** Removes the view. */
  dispose(): void {
    this.disposed = true;
    this.view?.dispose();
    this.view = null;
  }

  /**
   * Removes the view once the cell's final chart is drawn (so the notebook does not collapse and
   * jump in between), or after FINAL_CHART_WAIT_MS; at once when no chart was added.
   */
  disposeAfterChart(chartAdded: boolean): void {
    const view = this.view;
    if (!chartAdded || view === null) {
      this.dispose();
      return;
    }
    this.disposed = true;
    const outputs = (this.cell as CodeCell).outputArea?.node;
    const started = performance.now();
    const check = (): void => {
      const drawn = outputs?.querySelector('.vega-embed .marks') != null;
      if (drawn || view.isDisposed || performance.now() - started > FINAL_CHART_WAIT_MS) {
        this.dispose();
        return;
      }
      requestAnimationFrame(check);
    };
    // A hidden tab has no frames: the timeout still removes it.
    setTimeout(() => this.dispose(), FINAL_CHART_WAIT_MS);
    requestAnimationFrame(check);
  }
}

/** Longest time the live view waits for the final chart to be drawn before it goes anyway. */
const FINAL_CHART_WAIT_MS = 1_000;

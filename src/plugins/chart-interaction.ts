/**
 * The timing chart in JupyterLab, beyond what the Vega renderer does: hovering or clicking a
 * segment or marker highlights the cell line it points at (the await that suspended, the print,
 * the raise; a click also scrolls to it), and every coroutine chart is drawn again when the
 * JupyterLab theme changes (JupyterLab's Vega renderer keeps the theme it was drawn in).
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IThemeManager } from '@jupyterlab/apputils';
import type { Cell, CodeCell } from '@jupyterlab/cells';
import { INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { executionCountOf, parseCodeLink, type CodeLink } from './chart-code-link';
import { isCoroutineCell } from './cell-metadata';

/** The class of a highlighted editor line. */
export const CODE_HIGHLIGHT_CLASS = 'jp-CoroutineCells-codeHighlight';
/** How long a clicked line stays highlighted (ms). */
const CLICK_HIGHLIGHT_MS = 4000;
const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/** The plugin id. */
export const CHART_INTERACTION_PLUGIN_ID = 'jupyterlab-coroutine-cells:chart-interaction';

/** The coroutine cell of `panel` that ran as `link.cell` ("In[3]": execution count 3). */
function cellOf(panel: NotebookPanel, link: CodeLink): Cell | null {
  const count = executionCountOf(link.cell);
  if (count === null) return null;
  for (const cell of panel.content.widgets) {
    if (cell.model.type === 'code' && isCoroutineCell(cell.model) && (cell as CodeCell).model.executionCount === count)
      return cell;
  }
  return null;
}

/** Follows one notebook: chart marks → cell lines. */
class ChartLinks {
  private highlighted: HTMLElement | null = null;
  private timer: number | null = null;

  constructor(private readonly panel: NotebookPanel) {
    const node = panel.content.node;
    node.addEventListener('mouseover', this.onOver);
    node.addEventListener('mouseout', this.onOut);
    node.addEventListener('click', this.onClick);
    panel.disposed.connect(() => this.clear());
  }

  private linkAt(target: EventTarget | null): CodeLink | null {
    if (!(target instanceof Element) || target.closest('.jp-OutputArea-output') === null) return null;
    const mark = target.closest('[aria-label]');
    return mark === null ? null : parseCodeLink(mark.getAttribute('aria-label'));
  }

  private readonly onOver = (event: Event): void => {
    const link = this.linkAt(event.target);
    if (link !== null) this.highlight(link, false);
  };

  private readonly onOut = (event: Event): void => {
    if (this.timer === null && this.linkAt(event.target) !== null) this.clear();
  };

  private readonly onClick = (event: Event): void => {
    const link = this.linkAt(event.target);
    if (link === null) return;
    this.highlight(link, true);
    this.timer = window.setTimeout(() => this.clear(), CLICK_HIGHLIGHT_MS);
  };

  private highlight(link: CodeLink, scroll: boolean): void {
    this.clear();
    const cell = cellOf(this.panel, link);
    const lines = cell?.editorWidget?.node.querySelectorAll<HTMLElement>('.cm-line');
    const line = lines?.[link.line - 1];
    if (!line) return;
    line.classList.add(CODE_HIGHLIGHT_CLASS);
    line.dataset.coroutineCellsLink = `${link.cell}:${link.line}`;
    this.highlighted = line;
    if (scroll) line.scrollIntoView({ block: 'nearest' });
  }

  private clear(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.highlighted?.classList.remove(CODE_HIGHLIGHT_CLASS);
    this.highlighted = null;
  }
}

/** Draws every coroutine chart of `panel` again (the Vega renderer reads the theme when it draws). */
export function redrawCharts(panel: NotebookPanel): number {
  let redrawn = 0;
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code' || !isCoroutineCell(cell.model)) continue;
    const outputArea = (cell as CodeCell).outputArea;
    const model = outputArea.model;
    outputArea.widgets.forEach((child, i) => {
      if (i >= model.length) return;
      const output = model.get(i);
      if (!(VEGALITE_MIME in output.data)) return;
      // The output widget is a panel holding the prompt and the renderer.
      const holders = 'widgets' in child ? [...(child as unknown as { widgets: unknown[] }).widgets] : [child];
      for (const holder of holders) {
        const renderer = holder as Partial<IRenderMime.IRenderer>;
        if (typeof renderer.renderModel === 'function') {
          void renderer.renderModel(output);
          redrawn++;
        }
      }
    });
  }
  return redrawn;
}

/** The plugin: chart ↔ code links and theme-following charts in every notebook. */
export const chartInteractionPlugin: JupyterFrontEndPlugin<void> = {
  id: CHART_INTERACTION_PLUGIN_ID,
  description:
    'Links timing-chart marks to the cell lines they point at, and redraws the charts when the theme changes.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [IThemeManager],
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker, themes: IThemeManager | null): void => {
    tracker.widgetAdded.connect((_, panel) => new ChartLinks(panel));
    themes?.themeChanged.connect(() => {
      // The theme's light/dark flag on <body> is set by now; draw on the next frame to be sure.
      requestAnimationFrame(() => tracker.forEach(panel => redrawCharts(panel)));
    });
  }
};

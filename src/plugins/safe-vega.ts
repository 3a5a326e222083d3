/**
 * Puts a guard in front of JupyterLab's own Vega renderer (@jupyterlab/vega5-extension, which is
 * marked `safe` and so also draws untrusted outputs): every Vega / Vega-Lite output is sanitised
 * (vega-sanitizer.ts: export-only chart menu, no source popups, and for untrusted outputs no URL
 * fetched) and then drawn by the renderer that was registered, so nothing heavy is loaded here.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IRenderMimeRegistry, MimeModel } from '@jupyterlab/rendermime';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { JSONValue } from '../protocol';
import { safeEmbedOptions, sanitizeVegaSpec } from './vega-sanitizer';

/** The MIME types JupyterLab's Vega renderer draws. */
export const VEGA_MIME_TYPES = [
  'application/vnd.vega.v5+json',
  'application/vnd.vegalite.v3+json',
  'application/vnd.vegalite.v4+json',
  'application/vnd.vegalite.v5+json'
];

const GUARDED = Symbol.for('jupyterlab-coroutine-cells:safe-vega');

/** A renderer factory that sanitises the model, then delegates to `inner`. */
export function guardFactory(inner: IRenderMime.IRendererFactory): IRenderMime.IRendererFactory {
  if ((inner as unknown as Record<symbol, unknown>)[GUARDED]) return inner;
  const factory: IRenderMime.IRendererFactory & { [GUARDED]: true } = {
    [GUARDED]: true,
    safe: inner.safe,
    mimeTypes: inner.mimeTypes,
    defaultRank: inner.defaultRank,
    createRenderer(options: IRenderMime.IRendererOptions): IRenderMime.IRenderer {
      const renderer = inner.createRenderer(options);
      const renderModel = renderer.renderModel.bind(renderer);
      // JupyterLab's renderer sets its vega-embed result only after `await embed(...)`: a second
      // render before the first ends (its own PNG update), or a dispose meanwhile (re-running the
      // cell), leaves a result never finalized, whose document click listener keeps the whole
      // Vega view alive. So renders run one at a time, and a result left after dispose is finalized.
      let queue: Promise<void> = Promise.resolve();
      const finalizeIfDisposed = (): void => {
        if (renderer.isDisposed) finalizeResult(renderer);
      };
      // What this renderer shows (see chartKey): the same chart again, with only its PNG added
      // (the PNG below) or the output re-set, is not drawn a second time.
      let shown: string | null = null;
      renderer.renderModel = (model: IRenderMime.IMimeModel) => {
        // JupyterLab's renderer picks Vega's dark theme from <body> when it draws, so the same
        // chart under another theme is another drawing (a theme change redraws every chart).
        const chart = chartKey(model, options.mimeType);
        const key = `${document.body.dataset.jpThemeLight === 'false' ? 'dark' : 'light'} ${chart}`;
        if (key === shown) return queue;
        shown = key;
        const needsPng = model.data['image/png'] === undefined;
        const run = queue.then(async () => {
          if (renderer.isDisposed) return;
          try {
            await renderModel(sanitisedModel(model, options.mimeType, needsPng));
          } catch (error) {
            shown = null;
            throw error;
          }
          if (needsPng) addPngWhenDrawn(renderer, model, options.mimeType, chart);
        });
        queue = run.then(finalizeIfDisposed, finalizeIfDisposed);
        return run;
      };
      renderer.disposed.connect(() => void queue.then(finalizeIfDisposed));
      return renderer;
    }
  };
  return factory;
}

/** Finalizes the vega-embed result a disposed JupyterLab Vega renderer still holds (its private `_result`). */
function finalizeResult(renderer: IRenderMime.IRenderer): void {
  const holder = renderer as unknown as { _result?: { finalize?: () => void } | null };
  const result = holder._result;
  if (result && typeof result.finalize === 'function') {
    try {
      result.finalize();
    } catch {
      // Already finalized: nothing is left to release.
    }
  }
  holder._result = null;
}

/** What a chart output shows: its spec, trust and embed options (not its PNG copy). */
function chartKey(model: IRenderMime.IMimeModel, mimeType: string): string {
  const metadata = model.metadata?.[mimeType] ?? null;
  return `${model.trusted}\u0000${JSON.stringify(metadata)}\u0000${JSON.stringify(model.data[mimeType] ?? null)}`;
}

/**
 * JupyterLab's renderer makes the PNG copy that exports show (`view.toImageURL`) right after
 * drawing, before the browser paints the chart, then stores it in the model, which re-renders the
 * output. Here the renderer is told a PNG exists (it only checks that), and the PNG is made from
 * its view once the chart is painted; storing it re-renders nothing (see chartKey).
 */
function addPngWhenDrawn(
  renderer: IRenderMime.IRenderer,
  model: IRenderMime.IMimeModel,
  mimeType: string,
  key: string
): void {
  const view = (renderer as unknown as { _result?: { view?: VegaView } | null })._result?.view;
  if (!view || typeof view.toImageURL !== 'function') return;
  const own = model.metadata?.[mimeType] as { embed_options?: { scaleFactor?: unknown } } | undefined;
  const scale = own?.embed_options?.scaleFactor;
  const factor =
    typeof scale === 'number'
      ? scale
      : scale && typeof scale === 'object'
        ? (scale as { png?: number }).png
        : undefined;
  const afterPaint = (): void => {
    // A model changed to another chart meanwhile gets its PNG from its own drawing.
    if (renderer.isDisposed || model.data['image/png'] !== undefined || chartKey(model, mimeType) !== key) return;
    view.toImageURL('png', factor).then(
      url => {
        if (!renderer.isDisposed && model.data['image/png'] === undefined)
          model.setData({ data: { ...model.data, 'image/png': url.split(',')[1] } });
      },
      () => undefined // no PNG copy (the view was finalized): the chart itself is shown
    );
  };
  requestAnimationFrame(() => setTimeout(afterPaint, 0));
}

/** The part of a Vega view used here. */
interface VegaView {
  toImageURL(type: string, scaleFactor?: number): Promise<string>;
}

/**
 * A view of `model` whose spec and embed options are sanitised; with `pngLater`, it says it has
 * a PNG (so the renderer does not make one before the chart is painted; addPngWhenDrawn does).
 */
function sanitisedModel(model: IRenderMime.IMimeModel, mimeType: string, pngLater = false): IRenderMime.IMimeModel {
  const { spec } = sanitizeVegaSpec(model.data[mimeType] as JSONValue, model.trusted);
  const metadata = { ...(model.metadata ?? {}) } as Record<string, unknown>;
  const own = metadata[mimeType] as { embed_options?: unknown } | undefined;
  if (own && typeof own === 'object') {
    metadata[mimeType] = { ...own, embed_options: safeEmbedOptions(own.embed_options) };
  }
  return {
    trusted: model.trusted,
    data: { ...model.data, [mimeType]: spec, ...(pngLater ? { 'image/png': 'made after the chart is painted' } : {}) },
    metadata: metadata as IRenderMime.IMimeModel['metadata'],
    setData(options: IRenderMime.IMimeModel.ISetDataOptions): void {
      // The renderer only adds its PNG: keep the stored spec as it was (nothing changed behind the user's back).
      const png = options.data?.['image/png'];
      if (png !== undefined) model.setData({ data: { ...model.data, 'image/png': png } });
    }
  };
}

/** Replaces every registered Vega renderer factory by its guarded version. */
export function guardVegaRenderers(rendermime: IRenderMimeRegistry): number {
  let guarded = 0;
  for (const mimeType of VEGA_MIME_TYPES) {
    const current = rendermime.getFactory(mimeType);
    if (!current || (current as unknown as Record<symbol, unknown>)[GUARDED]) continue;
    rendermime.addFactory(guardFactory(current), rendermime.getRank(mimeType));
    guarded++;
  }
  return guarded;
}

/** A tiny Vega-Lite chart made of what the timing chart uses (bars and text in layers). */
const WARM_UP_SPEC = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: { values: [{ task: 'a', start: 0, end: 1 }] },
  encoding: { y: { field: 'task', type: 'nominal' } },
  layer: [
    { mark: 'bar', encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'end' } } },
    { mark: 'text', encoding: { x: { field: 'end', type: 'quantitative' }, text: { field: 'task' } } }
  ]
};

/**
 * Draws a tiny chart off the page with the registered Vega-Lite renderer and drops it, so the
 * first chart of a run does not wait for Vega's code to load and compile (hundreds of ms).
 * Meant for when the page is idle; nothing is shown or stored.
 */
export function warmUpVega(rendermime: IRenderMimeRegistry): void {
  const mimeType = 'application/vnd.vegalite.v5+json';
  if (!rendermime.getFactory(mimeType)) return;
  const renderer = rendermime.createRenderer(mimeType);
  // The placeholder PNG keeps the renderer from making one.
  const model = new MimeModel({ data: { [mimeType]: WARM_UP_SPEC, 'image/png': 'not needed' }, trusted: false });
  void renderer
    .renderModel(model)
    .catch(() => undefined)
    .then(() => renderer.dispose());
}

/** The plugin id. */
export const SAFE_VEGA_PLUGIN_ID = 'jupyterlab-coroutine-cells:safe-vega';

/**
 * Guards the Vega renderers now and again once the application has started (JupyterLab's Vega
 * plugin may activate after this one). Notebooks clone the registry when they open, so both
 * passes happen before any notebook the user opens.
 */
export const safeVegaPlugin: JupyterFrontEndPlugin<void> = {
  id: SAFE_VEGA_PLUGIN_ID,
  description:
    'Sanitises Vega and Vega-Lite outputs before JupyterLab draws them: no source popups, no URLs fetched for untrusted outputs.',
  autoStart: true,
  requires: [IRenderMimeRegistry],
  activate: (app: JupyterFrontEnd, rendermime: IRenderMimeRegistry): void => {
    guardVegaRenderers(rendermime);
    void app.started.then(() => guardVegaRenderers(rendermime));
  }
};

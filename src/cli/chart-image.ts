/** Adds a static PNG of the timing chart to a chart bundle, for viewers that run no JavaScript. */
import { renderChartPng } from '../chart/render-png';
import { VEGALITE_MIME, type NbOutput } from '../protocol';

/** nbformat keeps a PNG as base64 text; a chart bundle gets one, other outputs are unchanged. */
export async function addChartImage(output: NbOutput, warn: (text: string) => void): Promise<NbOutput> {
  if (output.output_type !== 'display_data' || output.data[VEGALITE_MIME] === undefined) return output;
  try {
    const png = await renderChartPng(output.data[VEGALITE_MIME] as object);
    return { ...output, data: { ...output.data, 'image/png': Buffer.from(png).toString('base64') } };
  } catch (error) {
    warn(`coroutine-cells: the chart image could not be rendered: ${String(error)}\n`);
    return output;
  }
}

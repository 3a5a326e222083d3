/**
 * The page inside a runtime frame (`<iframe sandbox="allow-scripts" srcdoc=…>`). Chromium puts a
 * sandboxed frame in a renderer process of its own, and a dedicated worker lives in the process
 * of the document that creates it: so the runtime worker is created here, not by the notebook's
 * page, and a cell that fills the worker's heap ends this process only, never the tab. The frame
 * has an opaque origin, so it cannot fetch the worker script itself: the page sends it as a Blob
 * with a MessagePort, and this page relays messages between that port and the worker.
 *
 * Envelopes on the port — page to frame: `{ k: 'm', d }` for the worker, `{ k: 'ping' }`; frame to
 * page: `{ k: 'up' }`, `{ k: 'm', d }` from the worker, `{ k: 'pong' }`, `{ k: 'error', message }`
 * (the worker's error event), `{ k: 'failed', message }` (no worker could be created).
 */

/** The message the page posts to the frame's window, with the port as its only transfer. */
export interface FrameInit {
  k: 'coroutine-cells-runtime-init';
  script: Blob;
  name: string;
}

/** A message on the port from the frame to the page. */
export type FromFrame =
  | { k: 'up' }
  | { k: 'm'; d: unknown }
  | { k: 'pong' }
  | { k: 'error'; message: string }
  | { k: 'failed'; message: string };

/** A message on the port from the page to the frame. */
export type ToFrame = { k: 'm'; d: unknown } | { k: 'ping' };

// Plain ES2017 with no imports: it runs as an inline script of the srcdoc document.
const HOST_SCRIPT = `
'use strict';
let started = false;
addEventListener('message', (event) => {
  const init = event.data;
  if (started || event.source !== parent || !init || init.k !== 'coroutine-cells-runtime-init') return;
  started = true;
  const port = event.ports[0];
  let worker;
  try {
    worker = new Worker(URL.createObjectURL(init.script), { name: init.name });
  } catch (error) {
    port.postMessage({ k: 'failed', message: String(error && error.message || error) });
    return;
  }
  worker.onmessage = (m) => port.postMessage({ k: 'm', d: m.data });
  worker.onerror = (e) => {
    e.preventDefault();
    port.postMessage({ k: 'error', message: String(e.message || 'the worker failed') });
  };
  port.onmessage = (m) => {
    const message = m.data;
    if (message && message.k === 'ping') port.postMessage({ k: 'pong' });
    else if (message && message.k === 'm') worker.postMessage(message.d);
  };
  port.postMessage({ k: 'up' });
});
`;

/** The frame's whole document, for its `srcdoc` attribute. */
export const RUNTIME_FRAME_SRCDOC = `<!doctype html><meta charset="utf-8"><script>${HOST_SCRIPT}</script>`;

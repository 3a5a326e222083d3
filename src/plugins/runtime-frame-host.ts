/**
 * The page inside a runtime frame (`<iframe sandbox="allow-scripts" srcdoc=…>`). Chromium puts a
 * sandboxed frame in a renderer process of its own, and a dedicated worker lives in the process
 * of the document that creates it: so the runtime worker is created here, not by the notebook's
 * page, and a cell that fills the worker's heap ends this process only, never the tab. The frame
 * has an opaque origin, so it cannot fetch the worker script itself: the page sends it as a Blob
 * with two MessagePorts. The first stays here (liveness and the worker's error events); the second
 * goes on to the worker, where WORKER_PORT_SHIM (run before the bundle) makes it the worker's
 * channel, so runtime messages go between the page and the worker directly, not through here.
 *
 * On the frame's port — page to frame: `{ k: 'ping' }`; frame to page: `{ k: 'up' }`,
 * `{ k: 'pong' }`, `{ k: 'error', message }` (the worker's error event), `{ k: 'failed', message }`
 * (no worker could be created). The worker's port carries the runtime protocol unchanged.
 */

/** The message the page posts to the frame's window; its transfer is [frame port, worker port]. */
export interface FrameInit {
  k: 'coroutine-cells-runtime-init';
  script: Blob;
  name: string;
}

/** A message on the frame's port from the frame to the page. */
export type FromFrame =
  { k: 'up' } | { k: 'pong' } | { k: 'error'; message: string } | { k: 'failed'; message: string };

/** A message on the frame's port from the page to the frame. */
export type ToFrame = { k: 'ping' };

/**
 * Runs in the worker before the runtime bundle (the page prepends it to the script): the first
 * `{ k: 'coroutine-cells-port' }` message brings a port; from then on `postMessage` posts to it and
 * its messages arrive as the worker's own 'message' events (earlier posts wait for it).
 */
export const WORKER_PORT_SHIM = `(() => {
  'use strict';
  const scope = self;
  let port = null;
  const early = [];
  scope.postMessage = function postMessage(message, transfer) {
    if (port) port.postMessage(message, transfer || []);
    else early.push([message, transfer || []]);
  };
  scope.addEventListener('message', (event) => {
    if (port !== null || !event.data || event.data.k !== 'coroutine-cells-port') return;
    event.stopImmediatePropagation();
    port = event.ports[0];
    port.onmessage = (m) => scope.dispatchEvent(new MessageEvent('message', { data: m.data }));
    for (const [message, transfer] of early.splice(0)) port.postMessage(message, transfer);
  });
})();
`;

// Plain ES2017 with no imports: it runs as an inline script of the srcdoc document.
const HOST_SCRIPT = `
'use strict';
let started = false;
addEventListener('message', (event) => {
  const init = event.data;
  if (started || event.source !== parent || !init || init.k !== 'coroutine-cells-runtime-init') return;
  started = true;
  const [port, workerPort] = event.ports;
  let worker;
  try {
    worker = new Worker(URL.createObjectURL(init.script), { name: init.name });
    worker.postMessage({ k: 'coroutine-cells-port' }, [workerPort]);
  } catch (error) {
    port.postMessage({ k: 'failed', message: String(error && error.message || error) });
    return;
  }
  worker.onerror = (e) => {
    e.preventDefault();
    port.postMessage({ k: 'error', message: String(e.message || 'the worker failed') });
  };
  port.onmessage = (m) => {
    if (m.data && m.data.k === 'ping') port.postMessage({ k: 'pong' });
  };
  port.postMessage({ k: 'up' });
});
`;

/** The frame's whole document, for its `srcdoc` attribute. */
export const RUNTIME_FRAME_SRCDOC = `<!doctype html><meta charset="utf-8"><script>${HOST_SCRIPT}</script>`;

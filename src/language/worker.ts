/**
 * The TypeScript language worker: one NotebookProgram per notebook, answering the editor's
 * requests (protocol.ts). Requests wait in a queue for one macrotask so that a newer request of
 * the same kind for the same cell supersedes an older one (typing fast never piles up work).
 * Built by scripts/build-language-worker.mjs with the lib files and API declarations inlined.
 */
import ts from 'typescript';
import { LanguageHost } from './language-host';
import type { FromLanguage, ToLanguage } from './protocol';
import type { LanguageFiles } from './notebook-program';

declare const COROUTINE_CELLS_LANGUAGE_FILES: LanguageFiles;

interface WorkerScope {
  postMessage(message: FromLanguage): void;
  onmessage: ((event: { data: ToLanguage }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = new LanguageHost(COROUTINE_CELLS_LANGUAGE_FILES, ts.createDocumentRegistry());
const queue: ToLanguage[] = [];
let scheduled = false;

scope.onmessage = event => {
  queue.push(event.data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};

function drain(): void {
  scheduled = false;
  const batch = queue.splice(0);
  for (const [index, message] of batch.entries()) {
    if (message.type !== 'request') {
      host.handle(message);
      continue;
    }
    const newer = batch
      .slice(index + 1)
      .some(
        m =>
          m.type === 'request' &&
          m.notebook === message.notebook &&
          m.cellId === message.cellId &&
          m.query.kind === message.query.kind
      );
    // A superseded request still brings its cells' text: keep the program in step.
    host.sync(message.notebook, message.cells);
    if (newer) {
      scope.postMessage({ type: 'answer', requestId: message.requestId, ok: false, error: 'superseded', stale: true });
      continue;
    }
    scope.postMessage(host.answer(message));
  }
}

scope.postMessage({ type: 'ready' });

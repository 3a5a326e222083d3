/**
 * Completion in coroutine cells through JupyterLab's completer: a provider applicable only when
 * the active cell is a coroutine cell (kernel cells keep their kernel's completion), whose items
 * carry TypeScript's kind and, once selected, the signature and doc in the documentation panel.
 */
import type { CompletionHandler, ICompletionContext, ICompletionProvider } from '@jupyterlab/completer';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { NotebookLanguage } from './language-notebook';

/** The provider's id. */
export const COMPLETION_PROVIDER_ID = 'jupyterlab-coroutine-cells:typescript';

interface Item extends CompletionHandler.ICompletionItem {
  /** The offset the completion was asked at (for the details request). */
  offset?: number;
}

/** The completion provider; `languageOf` finds the language features of a notebook panel. */
export class CoroutineCompletionProvider implements ICompletionProvider<Item> {
  readonly identifier = COMPLETION_PROVIDER_ID;
  /** Above the kernel's (550) and the editor-words provider (500). */
  readonly rank = 1000;
  readonly renderer = null;

  constructor(private readonly languageOf: (widget: unknown) => NotebookLanguage | null) {}

  async isApplicable(context: ICompletionContext): Promise<boolean> {
    const language = this.languageOf(context.widget);
    return language !== null && context.editor != null && language.isCoroutineEditor(context.editor);
  }

  async fetch(
    request: CompletionHandler.IRequest,
    context: ICompletionContext
  ): Promise<CompletionHandler.ICompletionItemsReply<Item>> {
    const language = this.languageOf(context.widget);
    const cellId = context.editor && language?.cellIdOf(context.editor);
    const list =
      language && cellId ? await language.ask(cellId, { kind: 'completions', offset: request.offset }) : null;
    if (!list) return { start: request.offset, end: request.offset, items: [] };
    return {
      start: list.start,
      end: list.end,
      items: list.items.map(item => ({
        label: item.label,
        insertText: item.insertText,
        type: item.kind,
        offset: request.offset
      }))
    };
  }

  async resolve(item: Item, context: ICompletionContext): Promise<Item> {
    const language = this.languageOf(context.widget);
    const cellId = context.editor && language?.cellIdOf(context.editor);
    if (!language || !cellId || item.offset === undefined) return item;
    // One channel per item: the completer resolves several items (and one item again as the list
    // narrows); details of one item never make another's answer stale.
    const details = await language.ask(
      cellId,
      { kind: 'completionDetails', offset: item.offset, name: item.label },
      item.label
    );
    if (details) item.documentation = [details.signature, details.documentation].filter(Boolean).join('\n\n');
    return item;
  }
}

/** The NotebookPanel of a completion context's widget, if it is one. */
export function isNotebookPanel(widget: unknown): widget is NotebookPanel {
  return !!widget && typeof widget === 'object' && 'content' in widget && 'sessionContext' in widget;
}

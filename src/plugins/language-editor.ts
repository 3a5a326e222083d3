/**
 * What the TypeScript language features add to a coroutine cell's CodeMirror editor: type and
 * syntax errors underlined (the message and TS code as the mark's tooltip), and one info tooltip
 * at the cursor for signature help and Shift+Tab inspection. Only @codemirror/state and view,
 * which JupyterLab shares, so nothing is bundled twice.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, hoverTooltip, showTooltip, type DecorationSet, type Tooltip } from '@codemirror/view';
import type { CellDiagnostic } from '../language/protocol';

/** The class of an underlined problem (style/language.css). */
export const PROBLEM_CLASS = 'jp-CoroutineCells-problem';
/** The class of the info tooltip. */
export const INFO_TOOLTIP_CLASS = 'jp-CoroutineCells-info';

const setProblems = StateEffect.define<CellDiagnostic[]>();
const setInfo = StateEffect.define<{ pos: number; signature: string; documentation: string; active?: string } | null>();

const problemsField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setProblems)) continue;
      const length = tr.state.doc.length;
      const ranges = effect.value
        .map(d => {
          const from = Math.min(d.from, length);
          // An empty range (a missing token at the end) still gets one character to underline.
          const to = Math.min(Math.max(d.to, from + 1), length);
          const mark = Decoration.mark({
            class: `${PROBLEM_CLASS} ${PROBLEM_CLASS}-${d.severity}`,
            attributes: { title: `${d.message} (TS${d.code})`, 'data-ts-code': String(d.code) }
          });
          return from < to ? mark.range(from, to) : null;
        })
        .filter((r): r is NonNullable<typeof r> => r !== null)
        .sort((a, b) => a.from - b.from);
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: field => EditorView.decorations.from(field)
});

const infoField = StateField.define<Tooltip | null>({
  create: () => null,
  update(tooltip, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setInfo)) continue;
      const info = effect.value;
      if (info === null) return null;
      return {
        pos: Math.min(info.pos, tr.state.doc.length),
        above: true,
        create: () => {
          const dom = document.createElement('div');
          dom.className = INFO_TOOLTIP_CLASS;
          const signature = document.createElement('pre');
          signature.className = `${INFO_TOOLTIP_CLASS}-signature`;
          appendSignature(signature, info.signature, info.active);
          dom.appendChild(signature);
          if (info.documentation) {
            const doc = document.createElement('div');
            doc.className = `${INFO_TOOLTIP_CLASS}-doc`;
            doc.textContent = info.documentation;
            dom.appendChild(doc);
          }
          return { dom };
        }
      };
    }
    // Moving the cursor without typing closes it; typing keeps it (signature help refreshes it).
    if (tr.selection && !tr.docChanged) return null;
    return tr.docChanged && tooltip ? { ...tooltip, pos: tr.changes.mapPos(tooltip.pos) } : tooltip;
  },
  provide: field => showTooltip.from(field)
});

/** Bolds the active parameter inside the signature text. */
function appendSignature(pre: HTMLElement, signature: string, active: string | undefined): void {
  const at = active ? signature.indexOf(active) : -1;
  if (!active || at < 0) {
    pre.textContent = signature;
    return;
  }
  const strong = document.createElement('strong');
  strong.textContent = active;
  pre.append(signature.slice(0, at), strong, signature.slice(at + active.length));
}

/** Hovering an underlined problem shows its message and TypeScript code. */
const problemHover = hoverTooltip((view, pos) => {
  const messages: string[] = [];
  let from = pos;
  let to = pos;
  view.state.field(problemsField).between(pos, pos, (start, end, mark) => {
    const title = (mark.spec.attributes as Record<string, string> | undefined)?.title;
    if (title) messages.push(title);
    from = Math.min(from, start);
    to = Math.max(to, end);
  });
  if (messages.length === 0) return null;
  return {
    pos: from,
    end: to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = `${INFO_TOOLTIP_CLASS} ${PROBLEM_CLASS}-message`;
      dom.textContent = messages.join('\n');
      return { dom };
    }
  };
});

/** The extension to add to a coroutine cell's editor. */
export function languageExtension(): Extension {
  return [problemsField, infoField, problemHover];
}

/** Shows `problems` in the editor (replacing the previous ones). */
export function showProblems(view: EditorView, problems: CellDiagnostic[]): void {
  view.dispatch({ effects: setProblems.of(problems) });
}

/** Shows the info tooltip at `pos` (null hides it); `active` is bolded in the signature. */
export function showInfo(
  view: EditorView,
  info: { pos: number; signature: string; documentation: string; active?: string } | null
): void {
  view.dispatch({ effects: setInfo.of(info) });
}

/** Whether the info tooltip is showing. */
export function infoShown(view: EditorView): boolean {
  return view.state.field(infoField, false) != null;
}

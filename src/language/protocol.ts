/**
 * The messages between the editor (main thread) and the TypeScript language worker, and the
 * shapes of its answers. Plain data only: they cross postMessage.
 */

/** One coroutine cell's text, identified by the cell's id. */
export interface CellSource {
  id: string;
  source: string;
}

/** A type or syntax error in a cell; offsets and 1-based line/column are in the cell's text. */
export interface CellDiagnostic {
  from: number;
  to: number;
  line: number;
  column: number;
  message: string;
  /** TypeScript's error code (TS2322 → 2322). */
  code: number;
  severity: 'error' | 'warning' | 'info';
}

/** A completion candidate. */
export interface CompletionItem {
  label: string;
  /** TypeScript's kind: function, class, const, method, property, keyword… */
  kind: string;
  insertText?: string;
}

/** Completions replacing the cell text from `start` to `end`. */
export interface CompletionList {
  start: number;
  end: number;
  items: CompletionItem[];
}

/** The signature and documentation of a name (hover, Shift+Tab, completion details). */
export interface InspectionResult {
  kind: string;
  signature: string;
  documentation: string;
}

/** The signature of the call being typed, with the argument the cursor is in. */
export interface SignatureHelpResult {
  label: string;
  parameters: Array<{ label: string; documentation: string }>;
  activeParameter: number;
  documentation: string;
  overloads: number;
}

/** What the editor asks about one cell at one offset. */
export type LanguageQuery =
  | { kind: 'diagnostics' }
  | { kind: 'completions'; offset: number }
  | { kind: 'completionDetails'; offset: number; name: string }
  | { kind: 'quickInfo'; offset: number }
  | { kind: 'signatureHelp'; offset: number };

/** The answer type of each query kind. */
export interface LanguageAnswers {
  diagnostics: CellDiagnostic[];
  completions: CompletionList;
  completionDetails: InspectionResult | null;
  quickInfo: InspectionResult | null;
  signatureHelp: SignatureHelpResult | null;
}

/**
 * A cell of a `sync`: its source when it changed since the last message for this notebook,
 * else only its id (the worker keeps the text it has).
 */
export interface CellUpdate {
  id: string;
  source?: string;
}

/** Main thread → language worker. */
export type ToLanguage =
  | {
      type: 'request';
      /** Increasing per client; answers carry it back. */
      requestId: number;
      notebook: string;
      /** The notebook's coroutine cells in order (all of them, sources only where changed). */
      cells: CellUpdate[];
      cellId: string;
      query: LanguageQuery;
    }
  | { type: 'close'; notebook: string }
  /** Forget every notebook (the client resends whole sources after this). */
  | { type: 'reset' };

/** Language worker → main thread. */
export type FromLanguage =
  | { type: 'ready' }
  | { type: 'answer'; requestId: number; ok: true; result: unknown; ms: number }
  | { type: 'answer'; requestId: number; ok: false; error: string; stale?: boolean };

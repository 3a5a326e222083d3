import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_GLOBALS, API_INDEX, adjustForCells, emitApiDeclarations } from '../../src/language/api-declarations';
import { GRADING_API_NAMES } from '../../src/grading';
import { createCellApi } from '../../src/runtime/cell-api';
import { SRC, programOf } from './helpers';

const files = emitApiDeclarations(ts, SRC);

/** The value names cell-api-surface.d.ts exports (types left out). */
function surfaceValues(): string[] {
  const path = Object.keys(files).find(p => p.endsWith('cell-api-surface.d.ts'))!;
  const source = ts.createSourceFile(path, files[path], ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const s of source.statements) {
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      names.push(...s.exportClause.elements.filter(e => !e.isTypeOnly).map(e => e.name.text));
    } else if (ts.isFunctionDeclaration(s) && s.name) names.push(s.name.text);
    else if (ts.isVariableStatement(s))
      names.push(...s.declarationList.declarations.map(d => (d.name as ts.Identifier).text));
  }
  return names;
}

describe('the cell API as declarations, generated from src/', () => {
  it('emits the API module, its scheduler modules and the editor globals', () => {
    expect(files[API_INDEX]).toBe("export * from './language/cell-api-surface';\n");
    expect(Object.keys(files)).toContain('/coroutine-cells/scheduler/task-group.d.ts');
    expect(files[API_GLOBALS]).toMatch(/interface Promise<T> \{[\s\S]*readonly name: string;[\s\S]*close\(\): void;/);
  });

  it('declares exactly the names the runtime gives a cell (the cell API and grading)', () => {
    const runtime = [...createCellApi(() => {}).keys(), ...GRADING_API_NAMES].sort();
    expect(surfaceValues().sort()).toEqual(runtime);
  });

  it('keeps doc comments and strips @internal members', () => {
    const taskApi = files['/coroutine-cells/scheduler/task-api.d.ts'];
    expect(taskApi).toMatch(/\/\*\*[^/]*asyncio\.create_task[^/]*\*\/\s*export declare function createTask/);
    expect(files[API_GLOBALS]).not.toMatch(/throwInto|caller|send\(/);
  });

  it('strips the setter of an @internal accessor too (TypeScript keeps a setter with no doc comment of its own)', () => {
    const leaked = Object.entries(files).flatMap(([path, text]) =>
      text
        .split('\n')
        .filter(line => /^\s+set (_\w+|scheduled|dead|mark|started)\(/.test(line))
        .map(line => `${path}: ${line.trim()}`)
    );
    expect(leaked).toEqual([]);
  });

  it('adjusts the types to what the runtime does with a cell (coroutines, awaiting futures, await using)', () => {
    expect(files['/coroutine-cells/scheduler/coroutine.d.ts']).toMatch(
      /export type Coroutine<T = unknown> = Promise<T>;/
    );
    expect(files['/coroutine-cells/scheduler/future.d.ts']).toMatch(/then<R1 = T, R2 = never>\(/);
    expect(files['/coroutine-cells/scheduler/task-group.d.ts']).toMatch(
      /\[Symbol\.asyncDispose\]\(\): PromiseLike<void>;/
    );
    expect(files['/coroutine-cells/scheduler/timeouts.d.ts']).toMatch(
      /\[Symbol\.asyncDispose\]\(\): PromiseLike<void>;/
    );
  });

  it('says what it cannot adjust, naming the file', () => {
    expect(() => adjustForCells(ts, {})).toThrow(/\/coroutine-cells\/scheduler\/coroutine\.d\.ts was not emitted/);
  });

  it('every name a cell sees has a doc comment; the asyncio ones name their asyncio counterpart', () => {
    const names = surfaceValues();
    const program = programOf(names.join(';\n'));
    let at = 0;
    const missing: string[] = [];
    const noAsyncio: string[] = [];
    const asyncioNamed = [
      'run',
      'sleep',
      'createTask',
      'gather',
      'TaskGroup',
      'timeout',
      'timeoutAt',
      'waitFor',
      'shield',
      'wait',
      'asCompleted',
      'Event',
      'Lock',
      'Semaphore',
      'BoundedSemaphore',
      'Condition',
      'Barrier',
      'Queue',
      'PriorityQueue',
      'LifoQueue',
      'Future',
      'Task',
      'currentTask',
      'allTasks',
      'CancelledError'
    ];
    for (const name of names) {
      const info = program.quickInfo('c0', at);
      at += name.length + 2;
      if (!info?.documentation) missing.push(name);
      else if (asyncioNamed.includes(name) && !/asyncio\.[a-z_A-Z]+/.test(info.documentation)) noAsyncio.push(name);
    }
    expect(missing).toEqual([]);
    expect(noAsyncio).toEqual([]);
  });
});

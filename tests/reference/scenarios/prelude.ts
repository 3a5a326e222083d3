// Prepended to every TypeScript scenario: the twins of ../python/reflog.py (same formats).

/** Prints one trace line: the virtual time with 3 decimals, a space, the message. */
function log(msg: string): void {
  print(now().toFixed(3) + ' ' + msg);
}

/** `Name('message')`, `Name()` without message; groups as `Name('str(eg)', [subs])` (message = Python's str(eg)). */
function fmt(e: any): string {
  const name = e && e.name ? e.name : typeof e;
  if (e && Array.isArray(e.exceptions)) {
    return `${name}('${e.message}', [${e.exceptions.map(fmt).join(', ')}])`;
  }
  const msg = e && typeof e.message === 'string' ? e.message : String(e);
  return msg ? `${name}('${msg}')` : `${name}()`;
}

/** The sorted names of a collection of tasks, as `[a, b]`. */
function names(tasks: Iterable<any>): string {
  return '[' + [...tasks].map((t) => t.getName()).sort().join(', ') + ']';
}

/** A boolean as Python prints it. */
function tf(x: boolean): string {
  return x ? 'True' : 'False';
}

/** An Error whose `name` is a Python exception type (ValueError, TypeError, ...). */
function err(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Items shown per array/object before "…" (keeps formatting cheap for huge values). */
const MAX_ITEMS = 8;

function formatInner(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 59) + '…' : value);
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map(v => formatInner(v, depth + 1));
    if (value.length > MAX_ITEMS) shown.push(`… ${value.length - MAX_ITEMS} more`);
    return `[${shown.join(', ')}]`;
  }
  const ctor = (value as object).constructor;
  if (ctor && ctor !== Object) {
    const own = (value as object).toString;
    if (typeof own === 'function' && own !== Object.prototype.toString) return String(value);
    return `${ctor.name || 'Object'} {}`;
  }
  const keys = Object.keys(value);
  const shown = keys
    .slice(0, MAX_ITEMS)
    .map(k => `${JSON.stringify(k)}:${formatInner((value as Record<string, unknown>)[k], depth + 1)}`);
  if (keys.length > MAX_ITEMS) shown.push('…');
  return `{${shown.join(',')}}`;
}

/** Short, safe text for a value in the trace or an error message (bounded work, never throws). */
export function formatValue(value: unknown, max = 80): string {
  let text: string;
  try {
    text = formatInner(value, 0);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

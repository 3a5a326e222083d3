/** Short, safe text for a value in the trace or an error message (never throws). */
export function formatValue(value: unknown, max = 80): string {
  let text: string;
  try {
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'function') text = `[Function ${value.name || 'anonymous'}]`;
    else if (typeof value === 'bigint') text = `${value}n`;
    else if (value === null || typeof value !== 'object') text = String(value);
    else if (Array.isArray(value)) text = `[${value.map(v => formatValue(v, max)).join(', ')}]`;
    else {
      const ctor = (value as object).constructor;
      if (ctor && ctor !== Object && typeof (value as { toString?: unknown }).toString === 'function' &&
          (value as object).toString !== Object.prototype.toString) {
        text = String(value);
      } else if (ctor && ctor !== Object) {
        text = `${ctor.name} {}`;
      } else {
        text = JSON.stringify(value) ?? String(value);
      }
    }
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

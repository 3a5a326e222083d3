// Experiment for FINDINGS.md §8: a timer heap with object keys vs keys in Float64Arrays (same order:
// when, then seq). Run: node benchmarks/scheduler/timer-heap-experiment.mjs
const N = 1000000;
class ObjHeap {
  items = [];
  push(t) {
    const a = this.items;
    a.push(t);
    let p = a.length - 1;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (!(t.when < a[q].when || (t.when === a[q].when && t.seq < a[q].seq))) break;
      a[p] = a[q];
      p = q;
    }
    a[p] = t;
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let pos = 0;
      const n = a.length;
      const item = last;
      for (;;) {
        let c = 2 * pos + 1;
        if (c >= n) break;
        if (c + 1 < n && (a[c + 1].when < a[c].when || (a[c + 1].when === a[c].when && a[c + 1].seq < a[c].seq))) c++;
        if (!(a[c].when < item.when || (a[c].when === item.when && a[c].seq < item.seq))) break;
        a[pos] = a[c];
        pos = c;
      }
      a[pos] = item;
    }
    return top;
  }
}
// keys (when, seq) in a Float64Array pair, payload objects in a parallel array
class KeyHeap {
  w = new Float64Array(1024);
  s = new Float64Array(1024);
  o = [];
  n = 0;
  lt(i, wj, sj) {
    return this.w[i] < wj || (this.w[i] === wj && this.s[i] < sj);
  }
  push(t) {
    if (this.n === this.w.length) {
      const w = new Float64Array(this.n * 2);
      w.set(this.w);
      this.w = w;
      const s = new Float64Array(this.n * 2);
      s.set(this.s);
      this.s = s;
    }
    let p = this.n++;
    const W = this.w,
      S = this.s,
      O = this.o;
    const tw = t.when,
      ts = t.seq;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (!(tw < W[q] || (tw === W[q] && ts < S[q]))) break;
      W[p] = W[q];
      S[p] = S[q];
      O[p] = O[q];
      p = q;
    }
    W[p] = tw;
    S[p] = ts;
    O[p] = t;
  }
  pop() {
    const W = this.w,
      S = this.s,
      O = this.o;
    const top = O[0];
    const n = --this.n;
    if (n > 0) {
      const lw = W[n],
        ls = S[n],
        lo = O[n];
      let pos = 0;
      for (;;) {
        let c = 2 * pos + 1;
        if (c >= n) break;
        if (c + 1 < n && (W[c + 1] < W[c] || (W[c + 1] === W[c] && S[c + 1] < S[c]))) c++;
        if (!(W[c] < lw || (W[c] === lw && S[c] < ls))) break;
        W[pos] = W[c];
        S[pos] = S[c];
        O[pos] = O[c];
        pos = c;
      }
      W[pos] = lw;
      S[pos] = ls;
      O[pos] = lo;
    }
    O[n] = undefined;
    return top;
  }
}
const timers = Array.from({ length: N }, (_, i) => ({
  when: (((i * 7919) % N) + 1) / 1000,
  seq: i,
  cb: null,
  arg: null,
  dead: false
}));
for (let r = 0; r < 2; r++)
  for (const H of [ObjHeap, KeyHeap]) {
    const h = new H();
    const c0 = process.cpuUsage();
    for (const t of timers) h.push(t);
    for (let i = 0; i < N; i++) h.pop();
    const c = process.cpuUsage(c0);
    console.log(H.name, ((c.user + c.system) / 1e3).toFixed(0), 'ms CPU, 1M push + 1M pop');
  }

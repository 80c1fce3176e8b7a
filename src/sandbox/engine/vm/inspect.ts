/**
 * VM-side source: a browser-console-like formatter (`__wb.inspect`), evaluated
 * inside QuickJS so the host only ever receives strings. Depth-limited,
 * cycle-safe, never invokes getters, and survives values whose inspection
 * throws (Proxies, hostile getters).
 */
export const INSPECT_SOURCE = String.raw`
(function (wb) {
  'use strict';
  const MAX_DEPTH = 2, MAX_ITEMS = 100, MAX_STRING = 10000, WIDTH = 72;
  const objToString = Object.prototype.toString;
  const getProto = Object.getPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const getDesc = Object.getOwnPropertyDescriptor;
  const isArray = Array.isArray;
  const TypedArray = getProto(Uint8Array);
  const taTag = getDesc(TypedArray.prototype, Symbol.toStringTag).get;
  const mapSize = getDesc(Map.prototype, 'size').get;
  const setSize = getDesc(Set.prototype, 'size').get;
  const abLen = getDesc(ArrayBuffer.prototype, 'byteLength').get;
  const mapEntries = Map.prototype.entries, setValues = Set.prototype.values;
  const dateIso = Date.prototype.toISOString, dateGet = Date.prototype.getTime;
  const reToString = RegExp.prototype.toString;
  const symToString = Symbol.prototype.toString;
  const fnToString = Function.prototype.toString;
  const JSONstr = JSON.stringify;

  function tagOf(v) { try { return objToString.call(v).slice(8, -1); } catch (e) { return 'Object'; } }
  function quote(s) {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = JSONstr(s).slice(1, -1).replace(/\\"/g, '"');
    if (q === "'") out = out.replace(/'/g, "\\'");
    return q + out + q;
  }
  function keyText(k) {
    if (typeof k === 'symbol') return '[' + symToString.call(k) + ']';
    return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
  }
  function ctorName(v) {
    try {
      const p = getProto(v);
      if (p === null) return null;
      const d = getDesc(p, 'constructor');
      const c = d && d.value;
      return typeof c === 'function' && typeof c.name === 'string' ? c.name : '';
    } catch (e) { return ''; }
  }
  function fnText(f) {
    let name = '';
    try { const d = getDesc(f, 'name'); name = d && typeof d.value === 'string' ? d.value : ''; } catch (e) {}
    let src = '';
    try { src = fnToString.call(f); } catch (e) {}
    if (/^class[\s{]/.test(src)) return '[class ' + (name || '(anonymous)') + ']';
    const kind = /^async\s/.test(src) ? 'AsyncFunction' : /^(async\s+)?function\s*\*/.test(src) ? 'GeneratorFunction' : 'Function';
    return '[' + kind + (name ? ': ' + name : ' (anonymous)') + ']';
  }
  function primitive(v, top) {
    switch (typeof v) {
      case 'string': {
        const s = v.length > MAX_STRING ? v.slice(0, MAX_STRING) + '... ' + (v.length - MAX_STRING) + ' more characters' : v;
        return top ? s : quote(s);
      }
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return String(v) + 'n';
      case 'symbol': return symToString.call(v);
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
    }
    return v === null ? 'null' : undefined;
  }
  function wrap(open, items, close, indent) {
    if (items.length === 0) return open.trimEnd() + close.trimStart();
    const one = open + items.join(', ') + close;
    if (one.length <= WIDTH && !one.includes('\n')) return one;
    const pad = '  '.repeat(indent + 1);
    return open.trimEnd() + '\n' + items.map((i) => pad + i).join(',\n') + '\n' + '  '.repeat(indent) + close.trimStart();
  }
  function props(v, seen, depth, indent, skipIndexes) {
    const out = [];
    let keys;
    try { keys = ownKeys(v); } catch (e) { return ['<keys threw ' + errText(e) + '>']; }
    let n = 0;
    for (const k of keys) {
      if (skipIndexes && typeof k === 'string' && /^(0|[1-9]\d*)$/.test(k)) continue;
      let d;
      try { d = getDesc(v, k); } catch (e) { out.push(keyText(k) + ': <threw ' + errText(e) + '>'); continue; }
      if (!d || (!d.enumerable && typeof k !== 'symbol')) continue;
      if (skipIndexes && k === 'length') continue;
      if (++n > MAX_ITEMS) { out.push('... ' + (keys.length - MAX_ITEMS) + ' more properties'); break; }
      if ('value' in d) out.push(keyText(k) + ': ' + fmt(d.value, seen, depth + 1, indent + 1));
      else out.push(keyText(k) + ': ' + (d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]'));
    }
    return out;
  }
  function errText(e) {
    try { return e instanceof Error ? e.name + ': ' + e.message : String(e); } catch (x) { return 'an exception'; }
  }
  function fmt(v, seen, depth, indent) {
    const p = primitive(v, false);
    if (p !== undefined) return p;
    if (typeof v === 'function') {
      const extra = props(v, seen, depth, indent, false).filter((s) => !s.startsWith('prototype:'));
      return extra.length && depth <= MAX_DEPTH ? wrap(fnText(v) + ' { ', extra, ' }', indent) : fnText(v);
    }
    if (seen.includes(v)) return '[Circular]';
    try {
      seen.push(v);
      return fmtObject(v, seen, depth, indent);
    } catch (e) {
      return '<inspection threw ' + errText(e) + '>';
    } finally { seen.pop(); }
  }
  function fmtObject(v, seen, depth, indent) {
    const tag = tagOf(v);
    const name = ctorName(v);
    if (v instanceof Error || tag === 'Error') {
      let s;
      try { s = String(v.stack || ''); } catch (e) { s = ''; }
      const head = (v.name || 'Error') + (v.message ? ': ' + v.message : '');
      const stack = s.split('\n').filter((l) => l.trim() && !/wb:/.test(l)).join('\n');
      return stack ? head + '\n' + stack : head;
    }
    if (isArray(v)) {
      if (depth > MAX_DEPTH) return '[Array]';
      const items = [];
      const len = v.length;
      let holes = 0;
      for (let i = 0; i < len && items.length < MAX_ITEMS; i++) {
        if (!(i in v)) { holes++; continue; }
        if (holes) { items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
        items.push(fmt(v[i], seen, depth + 1, indent + 1));
      }
      if (holes) items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      if (len > MAX_ITEMS) items.push('... ' + (len - MAX_ITEMS) + ' more items');
      items.push(...props(v, seen, depth, indent, true));
      const prefix = name && name !== 'Array' ? name + '(' + len + ') ' : '';
      return wrap(prefix + '[ ', items, ' ]', indent);
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const t = taTag.call(v);
      if (depth > MAX_DEPTH) return '[' + t + ']';
      const items = [];
      const len = v.length;
      for (let i = 0; i < len && i < MAX_ITEMS; i++) items.push(primitive(v[i], false));
      if (len > MAX_ITEMS) items.push('... ' + (len - MAX_ITEMS) + ' more items');
      return wrap(t + '(' + len + ') [ ', items, ' ]', indent);
    }
    if (v instanceof ArrayBuffer) return 'ArrayBuffer { byteLength: ' + abLen.call(v) + ' }';
    if (v instanceof Map) {
      if (depth > MAX_DEPTH) return '[Map]';
      const items = [];
      for (const [k, val] of mapEntries.call(v)) {
        if (items.length >= MAX_ITEMS) { items.push('... more'); break; }
        items.push(fmt(k, seen, depth + 1, indent + 1) + ' => ' + fmt(val, seen, depth + 1, indent + 1));
      }
      return wrap((name || 'Map') + '(' + mapSize.call(v) + ') { ', items, ' }', indent);
    }
    if (v instanceof Set) {
      if (depth > MAX_DEPTH) return '[Set]';
      const items = [];
      for (const val of setValues.call(v)) {
        if (items.length >= MAX_ITEMS) { items.push('... more'); break; }
        items.push(fmt(val, seen, depth + 1, indent + 1));
      }
      return wrap((name || 'Set') + '(' + setSize.call(v) + ') { ', items, ' }', indent);
    }
    if (v instanceof WeakMap) return 'WeakMap { <items unknown> }';
    if (v instanceof WeakSet) return 'WeakSet { <items unknown> }';
    if (typeof WeakRef === 'function' && v instanceof WeakRef) return 'WeakRef { <target unknown> }';
    if (v instanceof Date) { const t = dateGet.call(v); return t === t ? dateIso.call(v) : 'Invalid Date'; }
    if (v instanceof RegExp) return reToString.call(v);
    if (v instanceof Promise) return 'Promise { … }';
    if (tag === 'Number' || tag === 'String' || tag === 'Boolean') return '[' + tag + ': ' + fmt(v.valueOf(), seen, depth, indent) + ']';
    if (depth > MAX_DEPTH) return name === null ? '[Object: null prototype]' : '[' + (name || 'Object') + ']';
    const items = props(v, seen, depth, indent, false);
    let prefix = '';
    if (name === null) prefix = '[Object: null prototype] ';
    else if (name && name !== 'Object') prefix = name + ' ';
    else if (tag !== 'Object') prefix = 'Object [' + tag + '] ';
    return wrap(prefix + '{ ', items, ' }', indent);
  }
  function inspect(v) { return fmt(v, [], 0, 0); }
  function formatArgs(args) {
    let first = args[0], i = 1, out = '';
    if (typeof first === 'string' && first.includes('%') && args.length > 1) {
      out = first.replace(/%[sdifoOjc%]/g, (m) => {
        if (m === '%%') return '%';
        if (i >= args.length) return m;
        const a = args[i++];
        switch (m) {
          case '%s': return typeof a === 'string' ? a : fmt(a, [], 1, 0);
          case '%d': case '%i': { const n = typeof a === 'bigint' ? a : Number(a); return m === '%i' && typeof n === 'number' ? String(Math.trunc(n)) : primitive(n, true); }
          case '%f': return String(Number(a));
          case '%j': try { return JSONstr(a); } catch (e) { return '[Circular]'; }
          case '%c': return '';
          default: return fmt(a, [], 0, 0);
        }
      });
    } else { out = args.length ? (typeof first === 'string' ? first : fmt(first, [], 0, 0)) : ''; }
    for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : fmt(args[i], [], 0, 0));
    return out;
  }
  function table(data, columns) {
    if (data === null || typeof data !== 'object') return formatArgs([data]);
    const rows = [];
    const cols = [];
    let hasValues = false;
    const entries = data instanceof Map ? [...mapEntries.call(data)] : isArray(data) ? data.map((v, i) => [i, v]) : Object.keys(data).map((k) => [k, data[k]]);
    for (const [k, v] of entries) {
      const row = { key: String(k), cells: {} };
      if (v !== null && typeof v === 'object') {
        for (const c of Object.keys(v)) { if (!cols.includes(c)) cols.push(c); row.cells[c] = fmt(v[c], [], 2, 0); }
      } else { row.value = fmt(v, [], 2, 0); hasValues = true; }
      rows.push(row);
    }
    const use = isArray(columns) ? columns.map(String) : cols;
    const header = ['(index)', ...use, ...(hasValues ? ['Values'] : [])];
    const body = rows.map((r) => [r.key, ...use.map((c) => (c in r.cells ? r.cells[c] : '')), ...(hasValues ? [r.value === undefined ? '' : r.value] : [])]);
    const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)) + 2);
    const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
    const cell = (s, w) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left); };
    const out = [line('┌', '┬', '┐'), '│' + header.map((h, j) => cell(h, widths[j])).join('│') + '│', line('├', '┼', '┤')];
    for (const b of body) out.push('│' + b.map((s, j) => cell(s, widths[j])).join('│') + '│');
    out.push(line('└', '┴', '┘'));
    return out.join('\n');
  }
  wb.inspect = inspect;
  wb.formatArgs = formatArgs;
  wb.formatTable = table;
})
`;

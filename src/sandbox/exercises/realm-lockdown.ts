/**
 * VM-side source (an expression) that snapshots the realm's built-ins and
 * returns a `lockdown()` function, for the check prelude (prelude.ts).
 *
 * Why: the check runs in the same realm as the learner's code, after it. A
 * learner's code that replaced `Function.prototype.call`, `String`,
 * `Array.prototype.includes`, an iterator's `next` or `Object.prototype.then`
 * could otherwise steer the check into a pass. The snapshot is taken before the
 * learner's code runs; `lockdown()`, called by the check wrapper before the
 * check's first line, puts every built-in back as it was (values, accessors,
 * prototypes; properties added to built-ins are deleted) and then freezes them,
 * so learner functions the check calls cannot change them again.
 *
 * It runs after learner code, so it uses only functions captured here, no
 * iteration protocol, no array methods, and descriptors with a null prototype
 * (Reflect.defineProperty reads `get`/`set` through the prototype chain).
 *
 * Freezing has one well-known side effect (the "override mistake"): assigning
 * `err.name = ...` or `obj.toString = ...` to an object that inherits a frozen
 * property fails. The properties code commonly overrides that way become
 * accessors whose setter defines an own property on the target instead.
 */
export const REALM_LOCKDOWN = String.raw`
(function (g, skip, leave) {
  'use strict';
  const R = Reflect;
  const ownKeys = R.ownKeys, getDesc = R.getOwnPropertyDescriptor, define = R.defineProperty;
  const remove = R.deleteProperty, getProto = R.getPrototypeOf, setProto = R.setPrototypeOf;
  const preventExtensions = R.preventExtensions, isExtensible = R.isExtensible, create = Object.create;
  const Err = TypeError;
  const OVERRIDABLE = create(null);
  OVERRIDABLE.constructor = OVERRIDABLE.toString = OVERRIDABLE.valueOf = OVERRIDABLE.toLocaleString = true;
  OVERRIDABLE.name = OVERRIDABLE.message = OVERRIDABLE.toJSON = OVERRIDABLE.stack = true;

  // Names that protocols look up on any object (await, JSON, descriptors, iteration, conversion):
  // a learner's addition under one of these is removed; other additions (Array.prototype.sum) stay, frozen.
  const PROTOCOL = create(null);
  const protocolNames = ['then', 'get', 'set', 'value', 'writable', 'enumerable', 'configurable', 'done', 'next', 'return',
    'throw', 'toJSON', 'constructor', 'length', 'name', 'message', 'prototype', 'caller', 'callee', 'arguments', 'valueOf',
    'toString', 'toLocaleString', 'exec', 'flags', 'lastIndex', 'source', 'global', 'cause', 'errors', 'stack', 'raw', 'index', 'input', 'groups'];
  for (let i = 0; i < protocolNames.length; i++) PROTOCOL[protocolNames[i]] = true;
  const ObjectPrototype = Object.prototype;
  const isIndex = (k) => { const n = +k; return n >= 0 && n < 4294967295 && n === (n | 0) && '' + n === k; };
  /** An addition that only code asking for that very name can see. */
  const harmless = (o, k) => typeof k === 'string' && o !== ObjectPrototype && PROTOCOL[k] !== true && !isIndex(k);

  const objects = [], protos = [], known = [], order = [];
  const isObject = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const seen = new WeakSet();
  for (let i = 0; i < leave.length; i++) seen.add(leave[i]);
  function visit(v) {
    if (!isObject(v) || seen.has(v)) return;
    seen.add(v);
    objects[objects.length] = v;
  }
  // Snapshot descriptors lose their prototype (cheaper than a copy: the snapshot runs on every checked run).
  function plain(d) {
    setProto(d, null);
    return d;
  }
  /** A fresh copy, for descriptors read after the learner's code ran. */
  function copyOf(d) {
    const copy = create(null);
    const names = ['value', 'writable', 'get', 'set', 'enumerable', 'configurable'];
    for (let i = 0; i < names.length; i++) { const desc = getDesc(d, names[i]); if (desc) copy[names[i]] = desc.value; }
    return copy;
  }

  // Roots: the global built-ins, and the intrinsics no global name reaches. Object.prototype
  // comes first, so that it is clean before any other descriptor is read at lockdown.
  visit(ObjectPrototype);
  const globalNames = [];
  const names = ownKeys(g);
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (typeof n === 'string' && skip(n)) continue;
    globalNames[globalNames.length] = n;
    const d = getDesc(g, n);
    if (d) { visit(d.value); visit(d.get); visit(d.set); }
  }
  const hidden = [
    function* () {}, async function () {}, async function* () {},
    [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
    ''[Symbol.iterator](), /a/[Symbol.matchAll](''), (function* () {})(), (async function* () {})(),
    getDesc(Function.prototype, 'caller') && getDesc(Function.prototype, 'caller').get,
  ];
  for (let i = 0; i < hidden.length; i++) visit(hidden[i]);
  visit(getProto(Uint8Array));

  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    protos[i] = getProto(o);
    visit(protos[i]);
    const keys = ownKeys(o);
    const descs = [];
    for (let j = 0; j < keys.length; j++) {
      const d = plain(getDesc(o, keys[j]));
      descs[j] = d;
      if ('value' in d) visit(d.value); else { visit(d.get); visit(d.set); }
    }
    known[i] = descs;
    order[i] = keys;
  }
  const globals = create(null);
  for (let i = 0; i < globalNames.length; i++) globals[globalNames[i]] = plain(getDesc(g, globalNames[i]));

  /** The property as frozen: fixed, except that setting it on an heir defines the heir's own. */
  function frozen(home, key, d) {
    if (!('value' in d)) { const f = copyOf(d); f.configurable = false; return f; }
    if (typeof key === 'string' && OVERRIDABLE[key] === true && d.writable) {
      const value = d.value;
      const f = create(null);
      f.get = function () { return value; };
      f.set = function (v) {
        if (this === home || !isObject(this)) throw new Err('Cannot assign to read only property "' + key + '" of a built-in during a check');
        const own = create(null);
        own.value = v; own.writable = own.enumerable = own.configurable = true;
        define(this, key, own);
      };
      f.enumerable = d.enumerable;
      f.configurable = false;
      return f;
    }
    const f = copyOf(d);
    f.writable = false;
    f.configurable = false;
    return f;
  }
  function sameKeys(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function fail(what) { throw new Err('a built-in was changed in a way that cannot be undone (' + what + '), so this code cannot be checked'); }

  let locked = false;
  return function lockdown() {
    if (locked) return;
    locked = true;
    // The global object keeps the learner's own globals; only the built-in names are restored.
    for (let i = 0; i < globalNames.length; i++) {
      const n = globalNames[i];
      if (!define(g, n, frozen(g, n, globals[n]))) fail('globalThis.' + String(n));
    }
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      if (o === g) continue;
      if (getProto(o) !== protos[i] && !setProto(o, protos[i])) fail('a prototype');
      const list = order[i];
      const now = ownKeys(o);
      if (!sameKeys(now, list)) {
        const table = create(null);
        for (let j = 0; j < list.length; j++) table[list[j]] = true;
        for (let j = 0; j < now.length; j++) {
          const k = now[j];
          if (table[k] === true) continue;
          if (harmless(o, k)) { const d = getDesc(o, k); if (d && !define(o, k, frozen(o, k, copyOf(d)))) fail('a property added to a built-in'); }
          else if (!remove(o, k)) fail('a property added to a built-in');
        }
      }
      for (let j = 0; j < list.length; j++) {
        if (!define(o, list[j], frozen(o, list[j], known[i][j]))) fail('a property');
      }
      if (isExtensible(o)) preventExtensions(o);
    }
  };
})
`;

/**
 * A reader and a writer for the subset of Python's marshal format that pstats
 * files use (Python/marshal.c, versions 2 to 4: 3.8 to 3.13 write version 4).
 * The reader is a bounded, iterative-free recursive descent: nesting depth,
 * container sizes and string lengths are all checked against the bytes left,
 * so a corrupt file fails with a clear ImportError instead of hanging.
 */
import { ImportError } from './errors';

export type PyValue = null | boolean | number | bigint | string | Uint8Array | PyValue[] | PyTuple | PyDict;

/** A tuple (kept apart from lists: pstats keys are tuples). */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A dict, kept as its entries in file order (keys may be tuples). */
export class PyDict {
  constructor(readonly entries: Array<[PyValue, PyValue]>) {}
}

const MAX_DEPTH = 64; // pstats nests 4 deep; marshal.c allows 2000
const FLAG_REF = 0x80;

export function readMarshal(bytes: Uint8Array): PyValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refs: PyValue[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  const latin1 = new TextDecoder('latin1');
  let pos = 0;

  const need = (n: number, what: string) => {
    if (n < 0 || pos + n > bytes.length) throw new ImportError(`truncated: the file ends inside ${what} at byte ${pos}`);
  };
  const u8 = () => (need(1, 'a value'), bytes[pos++]);
  const i32 = () => {
    need(4, 'a number');
    const v = view.getInt32(pos, true);
    pos += 4;
    return v;
  };
  const count = (what: string, minBytesEach: number) => {
    const n = i32();
    if (n < 0 || n * minBytesEach > bytes.length - pos) throw new ImportError(`corrupt: ${what} claims ${n} items at byte ${pos - 4}, more than the file holds`);
    return n;
  };
  const take = (n: number, what: string) => {
    need(n, what);
    const out = bytes.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const reserve = (flag: boolean) => (flag ? refs.push(null) - 1 : -1);
  const keep = <T extends PyValue>(slot: number, value: T): T => {
    if (slot >= 0) refs[slot] = value;
    return value;
  };

  function read(depth: number): PyValue {
    if (depth > MAX_DEPTH) throw new ImportError(`corrupt: values nested more than ${MAX_DEPTH} deep`);
    const at = pos;
    const code = u8();
    const flag = (code & FLAG_REF) !== 0;
    const type = String.fromCharCode(code & ~FLAG_REF);
    switch (type) {
      case 'N':
        return keep(reserve(flag), null);
      case 'F':
        return keep(reserve(flag), false);
      case 'T':
        return keep(reserve(flag), true);
      case 'i':
        return keep(reserve(flag), i32());
      case 'l':
        return keep(reserve(flag), readLong());
      case 'g': {
        need(8, 'a float');
        const v = view.getFloat64(pos, true);
        pos += 8;
        return keep(reserve(flag), v);
      }
      case 'f': {
        const text = latin1.decode(take(u8(), 'a float'));
        const v = Number(text);
        if (Number.isNaN(v) && !/nan/i.test(text)) throw new ImportError(`corrupt: bad float "${text}" at byte ${at}`);
        return keep(reserve(flag), v);
      }
      case 's':
        return keep(reserve(flag), take(count('a bytes object', 1), 'a bytes object').slice());
      case 'u':
      case 't':
        return keep(reserve(flag), utf8.decode(take(count('a string', 1), 'a string')));
      case 'a':
      case 'A':
        return keep(reserve(flag), latin1.decode(take(count('a string', 1), 'a string')));
      case 'z':
      case 'Z':
        return keep(reserve(flag), latin1.decode(take(u8(), 'a string')));
      case ')':
      case '(':
      case '[': {
        const n = type === ')' ? u8() : count('a tuple', 1);
        const items: PyValue[] = [];
        const value = type === '[' ? items : new PyTuple(items);
        const slot = reserve(flag);
        keep(slot, value);
        for (let i = 0; i < n; i++) items.push(read(depth + 1));
        return value;
      }
      case '{': {
        const dict = new PyDict([]);
        keep(reserve(flag), dict);
        for (;;) {
          need(1, 'a dict');
          if (bytes[pos] === 0x30 /* '0': end of dict */) {
            pos++;
            return dict;
          }
          const key = read(depth + 1);
          dict.entries.push([key, read(depth + 1)]);
        }
      }
      case 'r': {
        const index = i32();
        if (index < 0 || index >= refs.length) throw new ImportError(`corrupt: reference ${index} at byte ${at} to an object not read yet`);
        return refs[index];
      }
      default:
        throw new ImportError(`not a pstats file: unsupported marshal type ${JSON.stringify(type)} (0x${code.toString(16)}) at byte ${at}`);
    }
  }

  function readLong(): number | bigint {
    const n = i32();
    const digits = Math.abs(n);
    if (digits * 2 > bytes.length - pos) throw new ImportError(`corrupt: an integer claims ${digits} digits at byte ${pos - 4}`);
    let value = 0n;
    for (let i = digits - 1; i >= 0; i--) value = (value << 15n) | BigInt(view.getUint16(pos + i * 2, true));
    pos += digits * 2;
    if (n < 0) value = -value;
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  const value = read(0);
  if (pos !== bytes.length) throw new ImportError(`corrupt: ${bytes.length - pos} unexpected bytes after the data at byte ${pos}`);
  return value;
}

/* ----------------------------------------------------------------- writer */

/** Marshal version 2 output (no references): every Python 3 reads it. */
export function writeMarshal(value: PyValue): Uint8Array {
  const chunks: number[] = [];
  const utf8 = new TextEncoder();
  const scratch = new DataView(new ArrayBuffer(8));
  const int32 = (n: number) => {
    scratch.setInt32(0, n, true);
    for (let i = 0; i < 4; i++) chunks.push(scratch.getUint8(i));
  };
  const write = (v: PyValue): void => {
    if (v === null) chunks.push(0x4e);
    else if (v === true) chunks.push(0x54);
    else if (v === false) chunks.push(0x46);
    else if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) {
        chunks.push(0x69);
        int32(v);
      } else if (Number.isInteger(v)) writeLong(BigInt(v));
      else {
        chunks.push(0x67);
        scratch.setFloat64(0, v, true);
        for (let i = 0; i < 8; i++) chunks.push(scratch.getUint8(i));
      }
    } else if (typeof v === 'bigint') writeLong(v);
    else if (typeof v === 'string') {
      const b = utf8.encode(v);
      chunks.push(0x75);
      int32(b.length);
      for (const x of b) chunks.push(x);
    } else if (v instanceof Uint8Array) {
      chunks.push(0x73);
      int32(v.length);
      for (const x of v) chunks.push(x);
    } else if (v instanceof PyTuple || Array.isArray(v)) {
      const items = v instanceof PyTuple ? v.items : v;
      chunks.push(v instanceof PyTuple ? 0x28 : 0x5b);
      int32(items.length);
      items.forEach(write);
    } else {
      chunks.push(0x7b);
      for (const [k, x] of v.entries) {
        write(k);
        write(x);
      }
      chunks.push(0x30);
    }
  };
  const writeLong = (v: bigint) => {
    const negative = v < 0n;
    let rest = negative ? -v : v;
    const digits: number[] = [];
    while (rest > 0n) {
      digits.push(Number(rest & 0x7fffn));
      rest >>= 15n;
    }
    chunks.push(0x6c);
    int32(negative ? -digits.length : digits.length);
    for (const d of digits) chunks.push(d & 0xff, d >> 8);
  };
  write(value);
  return Uint8Array.from(chunks);
}

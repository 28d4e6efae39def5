// A minimal NPY v1.0 writer (and header parser, for tests and readers of our own shards): the
// format of the training data, written by the synth tool and read by the evaluation, so it lives
// below both.
// Format: numpy.org/doc/stable/reference/generated/numpy.lib.format.html — magic "\x93NUMPY",
// version 1.0, uint16 LE header length, an ASCII dict literal padded with spaces and a newline so
// the data starts 64-byte aligned (what numpy itself writes; memory-mapping likes it).

export type NpyDtype = '|u1' | '<f4';

export interface NpyHeader {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
  readonly fortranOrder: boolean;
  /** Byte offset of the first element. */
  readonly dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64;

export function bytesPerElement(dtype: NpyDtype): number {
  return dtype === '|u1' ? 1 : 4;
}

function shapeLiteral(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** The header bytes (magic … padded dict) for a C-order array of this dtype and shape. */
export function npyHeader(dtype: NpyDtype, shape: readonly number[]): Uint8Array {
  for (const d of shape) if (!Number.isInteger(d) || d < 0) throw new Error(`npy: bad dimension ${d}`);
  const dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${shapeLiteral(shape)}, }`;
  const unpadded = MAGIC.length + 2 + 2 + dict.length + 1; // + '\n'
  const total = Math.ceil(unpadded / ALIGN) * ALIGN;
  const headerLen = total - MAGIC.length - 4;
  if (headerLen > 0xffff) throw new Error('npy: header too long for format 1.0');
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = headerLen & 0xff;
  out[9] = headerLen >>> 8;
  const text = dict.padEnd(headerLen - 1, ' ') + '\n';
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The little-endian bytes of a typed array (a view when the platform is little-endian, as every supported one is). */
export function dataBytes(data: Uint8Array | Float32Array): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('npy: big-endian hosts are not supported');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A whole .npy file in memory: header + C-order data. */
export function encodeNpy(data: Uint8Array | Float32Array, shape: readonly number[]): Uint8Array {
  const dtype: NpyDtype = data instanceof Float32Array ? '<f4' : '|u1';
  if (elementCount(shape) !== data.length) {
    throw new Error(`npy: shape ${shapeLiteral(shape)} holds ${elementCount(shape)} elements, data has ${data.length}`);
  }
  const header = npyHeader(dtype, shape);
  const out = new Uint8Array(header.length + data.byteLength);
  out.set(header, 0);
  out.set(dataBytes(data), header.length);
  return out;
}

/** Parses and validates a v1/v2 header; throws on anything we would not have written. */
export function parseNpyHeader(bytes: Uint8Array): NpyHeader {
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) throw new Error('npy: bad magic');
  const major = bytes[6];
  let headerLen: number;
  let start: number;
  if (major === 1) {
    headerLen = (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8);
    start = 10;
  } else if (major === 2 || major === 3) {
    headerLen = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
    start = 12;
  } else {
    throw new Error(`npy: unsupported version ${major}`);
  }
  const text = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLen));
  if (!text.endsWith('\n')) throw new Error('npy: header does not end with a newline');
  const descr = /'descr':\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr !== '|u1' && descr !== '<f4') throw new Error(`npy: unsupported dtype ${descr}`);
  if (fortran === undefined || shapeText === undefined) throw new Error('npy: malformed header');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => Number(s));
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new Error('npy: bad shape');
  return { dtype: descr, shape, fortranOrder: fortran === 'True', dataOffset: start + headerLen };
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy, npyHeader, parseNpyHeader } from '../../../electron/util/npy';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

describe('npy', () => {
  it('writes a valid v1.0 header that parses back, 64-byte aligned', () => {
    for (const [dtype, shape] of [
      ['|u1', [3, 8, 8, 3]],
      ['<f4', [5, 102]],
      ['<f4', [7]],
      ['<f4', [0, 10, 3]],
    ] as const) {
      const h = npyHeader(dtype, shape);
      expect(Array.from(h.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      expect(h.length % 64).toBe(0);
      expect(h[h.length - 1]).toBe(0x0a);
      expect(h[8]! | (h[9]! << 8)).toBe(h.length - 10);
      const p = parseNpyHeader(h);
      expect(p).toEqual({ dtype, shape: [...shape], fortranOrder: false, dataOffset: h.length });
    }
    expect(new TextDecoder().decode(npyHeader('<f4', [7]))).toContain("'shape': (7,)");
  });

  it('round-trips data bytes (little-endian, C order)', () => {
    const data = Float32Array.from([1.5, -2, 3.25, 0]);
    const bytes = encodeNpy(data, [2, 2]);
    const h = parseNpyHeader(bytes);
    const back = new Float32Array(bytes.slice(h.dataOffset).buffer);
    expect(Array.from(back)).toEqual([1.5, -2, 3.25, 0]);
    expect(() => encodeNpy(data, [3, 2])).toThrow();
  });

  it.skipIf(!hasNumpy)('numpy reads what we write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigsolve-npy-'));
    try {
      const u8 = Uint8Array.from({ length: 2 * 3 * 4 * 3 }, (_, i) => i % 256);
      writeFileSync(join(dir, 'a.npy'), encodeNpy(u8, [2, 3, 4, 3]));
      writeFileSync(join(dir, 'b.npy'), encodeNpy(Float32Array.from([0.5, 1, -3]), [3]));
      const out = execFileSync('python3', [
        '-c',
        `
import numpy as np, sys
a = np.load(sys.argv[1] + '/a.npy', mmap_mode='r'); b = np.load(sys.argv[1] + '/b.npy')
print(a.dtype, a.shape, int(a[1, 2, 3, 2]), b.dtype, b.shape, b.tolist())`,
        dir,
      ])
        .toString()
        .trim();
      expect(out).toBe(`uint8 (2, 3, 4, 3) ${(1 * 36 + 2 * 12 + 3 * 3 + 2) % 256} float32 (3,) [0.5, 1.0, -3.0]`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

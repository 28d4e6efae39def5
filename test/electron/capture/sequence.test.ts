import { describe, expect, it } from 'vitest';
import { pairSequences, scanSequences } from '../../../electron/capture/sequence';

describe('scanSequences', () => {
  it('recognises the frame-number patterns of capture folders', () => {
    for (const names of [
      ['take.0001.png', 'take.0002.png', 'take.0003.png'],
      ['take_0001.png', 'take_0002.png', 'take_0003.png'],
      ['0001.png', '0002.png', '0003.png'],
      ['take-1.jpg', 'take-2.jpg', 'take-3.jpg'],
    ]) {
      const { main } = scanSequences(names);
      expect(main?.files.size).toBe(3);
      expect([main?.first, main?.last]).toEqual([1, 3]);
    }
  });

  it('picks the largest sequence and reports the rest as ignored', () => {
    const scan = scanSequences(['a.0001.png', 'a.0002.png', 'a.0003.png', 'b.0001.png', 'notes.txt', 'cover.png', '.DS_Store']);
    expect(scan.main?.prefix).toBe('a.');
    expect(scan.others.map((s) => s.prefix)).toEqual(['b.']);
    expect(scan.unnumbered).toEqual(['cover.png']);
  });

  it('keeps one file per frame number', () => {
    const scan = scanSequences(['f.01.png', 'f.001.png', 'f.2.png']);
    expect(scan.main?.files.size).toBe(2);
    expect(scan.duplicates).toHaveLength(1);
  });

  it('treats jpg/jpeg and tif/tiff as one sequence', () => {
    expect(scanSequences(['p.1.jpg', 'p.2.JPEG', 'p.3.jpeg']).main?.files.size).toBe(3);
  });

  it('returns no sequence for a folder without numbered images', () => {
    expect(scanSequences(['readme.md', 'x.png']).main).toBeNull();
  });
});

describe('pairSequences', () => {
  it('pairs by number over the union range, leaving gaps and one-sided frames visible', () => {
    const rgb = scanSequences(['r.0001.png', 'r.0002.png', 'r.0004.png']).main!;
    const normal = scanSequences(['n.0001.png', 'n.0004.png', 'n.0005.png']).main!;
    expect(pairSequences(rgb, normal)).toEqual([
      { frame: 1, rgb: 'r.0001.png', normal: 'n.0001.png' },
      { frame: 2, rgb: 'r.0002.png', normal: null },
      { frame: 3, rgb: null, normal: null },
      { frame: 4, rgb: 'r.0004.png', normal: 'n.0004.png' },
      { frame: 5, rgb: null, normal: 'n.0005.png' },
    ]);
  });
});

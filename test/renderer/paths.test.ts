import { describe, expect, it } from 'vitest';
import { breadcrumbs, defaultShotName, isVideoFile, shortenPath } from '../../renderer/src/state/paths';

describe('defaultShotName', () => {
  it('uses the folder name', () => {
    expect(defaultShotName('/captures/take_012')).toBe('take_012');
    expect(defaultShotName('/captures/take_012/')).toBe('take_012');
  });
  it("uses the parent's name for generic folders", () => {
    expect(defaultShotName('/captures/take_012/rgb')).toBe('take_012');
    expect(defaultShotName('D:\\stage\\sc04_t2\\Frames')).toBe('sc04_t2');
  });
  it("uses a video's name without extension", () => {
    expect(defaultShotName('/captures/sc04 t2.MOV')).toBe('sc04 t2');
  });
});

describe('isVideoFile', () => {
  it('knows common containers', () => {
    expect(isVideoFile('a.mp4')).toBe(true);
    expect(isVideoFile('a.MOV')).toBe(true);
    expect(isVideoFile('a.png')).toBe(false);
    expect(isVideoFile('mp4')).toBe(false);
  });
});

describe('breadcrumbs', () => {
  it('splits POSIX paths from the root', () => {
    expect(breadcrumbs('/home/anna/caps')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'anna', path: '/home/anna' },
      { label: 'caps', path: '/home/anna/caps' },
    ]);
    expect(breadcrumbs('/')).toEqual([{ label: '/', path: '/' }]);
  });
  it('splits Windows drive and UNC paths', () => {
    expect(breadcrumbs('C:\\caps\\t1')).toEqual([
      { label: 'C:', path: 'C:\\' },
      { label: 'caps', path: 'C:\\caps' },
      { label: 't1', path: 'C:\\caps\\t1' },
    ]);
    expect(breadcrumbs('\\\\nas\\stage\\day1').map((c) => c.path)).toEqual(['\\\\nas\\stage', '\\\\nas\\stage\\day1']);
  });
});

describe('shortenPath', () => {
  it('keeps the root and the trailing folders', () => {
    expect(shortenPath('/tmp/a', 30)).toBe('/tmp/a');
    expect(shortenPath('/tmp/rs-dev/data/captures/sc01_t03/rgb', 28)).toBe('/tmp/…/captures/sc01_t03/rgb');
    expect(shortenPath('C:\\stage\\day1\\captures\\take_0012\\rgb', 24)).toBe('C:\\…\\take_0012\\rgb');
  });
  it('always keeps the last folder', () => {
    expect(shortenPath('/a/averyveryverylongfoldername', 10)).toBe('/a/…/averyveryverylongfoldername');
  });
});

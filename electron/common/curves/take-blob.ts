// A take's curves as one binary payload (the renderer fetches it like a plate image, not as JSON:
// 102 controls × 20,000 frames would be 20 MB of JSON text):
//   [u32 LE header length][header JSON, UTF-8][0-3 bytes padding to 4][f32 LE × controls × length]

export interface TakeCurvesHeader {
  takeId: number;
  shotId: number;
  firstFrame: number;
  length: number;
  controls: string[];
  failedFrames: number[];
}

export interface TakeCurves {
  header: TakeCurvesHeader;
  /** control name → values over the shot (index 0 = firstFrame). Views into one buffer. */
  curves: Map<string, Float32Array>;
}

export function encodeTakeCurves(header: TakeCurvesHeader, curves: ReadonlyMap<string, Float32Array>): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 4 + json.length;
  const dataStart = Math.ceil(headerEnd / 4) * 4;
  const out = new Uint8Array(dataStart + header.controls.length * header.length * 4);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  const data = new Float32Array(out.buffer, dataStart, header.controls.length * header.length);
  header.controls.forEach((c, i) => {
    const v = curves.get(c);
    if (v) data.set(v.subarray(0, header.length), i * header.length);
  });
  return out;
}

export function decodeTakeCurves(bytes: ArrayBuffer): TakeCurves {
  const view = new DataView(bytes);
  const jsonLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, jsonLength))) as TakeCurvesHeader;
  const dataStart = Math.ceil((4 + jsonLength) / 4) * 4;
  const curves = new Map<string, Float32Array>();
  header.controls.forEach((c, i) => curves.set(c, new Float32Array(bytes, dataStart + i * header.length * 4, header.length)));
  return { header, curves };
}

const TAKE_PATH = /^\/?take\/([1-9][0-9]{0,9})\/curves$/;

export function takeCurvesPath(takeId: number): string {
  return `take/${takeId}/curves`;
}

export function parseTakeCurvesPath(pathname: string): number | null {
  const m = TAKE_PATH.exec(pathname);
  return m ? Number(m[1]) : null;
}

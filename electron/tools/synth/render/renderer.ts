// The software renderer: evaluated rig → camera → visibility buffer → deferred shading →
// sensor → 8-bit RGB and normal map. One Renderer per thread; it keeps its scratch buffers, so
// rendering allocates only the two output images.
import type { RigEvaluation } from '../../../rig/evaluate';
import { evaluateRig, vertexNormals } from '../../../rig/evaluate';
import type { Rig } from '../../../rig/types';
import { RIG_MATERIALS } from '../../../rig/types';
import { resolveCamera, rotateDirection } from './camera';
import type { CompiledMesh } from './mesh';
import { compileRig } from './mesh';
import { decodeNormal, downsample, encodeColor, encodeNormals, gaussianBlur } from './post';
import type { VisibilityBuffer } from './raster';
import { createVisibilityBuffer, rasterize } from './raster';
import type { ShadeLight } from './shade';
import { shade } from './shade';
import { bakeOcclusion, buildLightFrame, createShadowScratch, shadowLookup } from './shadow';
import type { ShadowScratch } from './shadow';
import type { DirectionalLight, Look, RenderRequest, RenderResult, Vec3 } from './types';
import { DEFAULT_LIGHTING, DEFAULT_LOOK, DEFAULT_NORMAL_BACKGROUND, DEFAULT_SENSOR } from './types';

export interface RendererOptions {
  /** Bake ambient occlusion at creation (~0.1–0.5 s for the default head). Default true. */
  readonly occlusion?: boolean;
  /** Accumulate per-stage times (ms) in Renderer.stageTimes (profiling). */
  readonly profile?: boolean;
}

export interface Renderer {
  readonly rig: Rig;
  readonly mesh: CompiledMesh;
  render(request: RenderRequest): RenderResult;
  /** Per-stage milliseconds summed over renders, when created with profile: true. */
  readonly stageTimes: Record<string, number>;
}

interface Scratch {
  readonly rw: number;
  readonly rh: number;
  readonly vb: VisibilityBuffer;
  readonly color: Float32Array;
  readonly normal: Float32Array;
  readonly small: Float32Array;
  readonly blurTmp: Float32Array;
}

const NEAR = 0.01;
const SOFT_SHADOW_RADIUS_M = 0.004;
const FACE_MATERIALS = new Set(['skin', 'lip', 'brow'].map((m) => RIG_MATERIALS.indexOf(m as (typeof RIG_MATERIALS)[number])));
const SKIN_DETAIL_LUMA = 0.09;
const SKIN_DETAIL_RED = 0.07;

/** Anchors through the world→camera transform and the pinhole, in output-image pixels. */
function projectAnchors(points: Float32Array | null, m: Float64Array, f: number, cx: number, cy: number, ss: number): Float32Array | null {
  if (!points) return null;
  const out = new Float32Array((points.length / 3) * 2);
  for (let k = 0, j = 0; j < points.length; k += 2, j += 3) {
    const x = points[j]!,
      y = points[j + 1]!,
      z = points[j + 2]!;
    const X = m[0]! * x + m[1]! * y + m[2]! * z + m[3]!;
    const Y = m[4]! * x + m[5]! * y + m[6]! * z + m[7]!;
    const Z = m[8]! * x + m[9]! * y + m[10]! * z + m[11]!;
    const inv = -1 / Math.min(Z, -NEAR);
    out[k] = (cx + f * X * inv) / ss;
    out[k + 1] = (cy - f * Y * inv) / ss;
  }
  return out;
}

export function createRenderer(rig: Rig, options: RendererOptions = {}): Renderer {
  const mesh = compileRig(rig);
  const V = mesh.vertexCount;
  const pc = new Float32Array(V * 3);
  let evaluation: RigEvaluation | undefined;
  const nrm = new Float32Array(V * 3);
  const sx = new Float32Array(V),
    sy = new Float32Array(V),
    iw = new Float32Array(V);
  const albedo = new Float32Array(V * 3);
  let albedoKey = '';
  const shadowScratch: ShadowScratch = createShadowScratch(V);
  const scratches = new Map<string, Scratch>();

  const isFace = Uint8Array.from(mesh.materials, (m) => (FACE_MATERIALS.has(m) ? 1 : 0));
  const occlusion = new Float32Array(V).fill(1);
  if (options.occlusion ?? true) {
    vertexNormals(mesh.neutral, mesh.indices, nrm);
    const ao = bakeOcclusion(mesh.neutral, nrm, mesh.shadowIndices, mesh.shadowTriangleCount, mesh.shadowVertices, 40, 160);
    for (let v = 0; v < V; v++) if (isFace[v]) occlusion[v] = 0.25 + 0.75 * ao[v]!;
  }

  const updateAlbedo = (look: Look): void => {
    const key = `${look.skinTint.join(',')}|${look.skinDetail}`;
    if (key === albedoKey) return;
    albedoKey = key;
    const amp = look.skinDetail;
    const [sr, sg, sb] = look.skinTint;
    for (let v = 0; v < V; v++) {
      const face = isFace[v] === 1;
      const tr = face ? sr : 1,
        tg = face ? sg : 1,
        tb = face ? sb : 1;
      const lum = 1 + amp * SKIN_DETAIL_LUMA * mesh.detail[v * 2]!;
      const red = amp * SKIN_DETAIL_RED * mesh.detail[v * 2 + 1]!;
      albedo[v * 3] = mesh.colors[v * 3]! * tr * lum * (1 + red);
      albedo[v * 3 + 1] = mesh.colors[v * 3 + 1]! * tg * lum * (1 - 0.6 * red);
      albedo[v * 3 + 2] = mesh.colors[v * 3 + 2]! * tb * lum * (1 - 0.5 * red);
    }
  };

  const scratchFor = (rw: number, rh: number, w: number, h: number): Scratch => {
    const key = `${rw}x${rh}:${w}x${h}`;
    let s = scratches.get(key);
    if (!s) {
      s = {
        rw,
        rh,
        vb: createVisibilityBuffer(rw, rh, mesh.triangleCount),
        color: new Float32Array(rw * rh * 3),
        normal: new Float32Array(rw * rh * 3),
        small: new Float32Array(w * h * 3),
        blurTmp: new Float32Array(w * h * 3),
      };
      if (scratches.size > 4) scratches.clear();
      scratches.set(key, s);
    }
    return s;
  };

  const stageTimes: Record<string, number> = {};
  let tMark = 0;
  const lap = options.profile
    ? (stage: string): void => {
        const t = performance.now();
        if (stage) stageTimes[stage] = (stageTimes[stage] ?? 0) + (t - tMark);
        tMark = t;
      }
    : (): void => {};

  const render = (request: RenderRequest): RenderResult => {
    lap('');
    const st = request.settings;
    const width = Math.round(st.width),
      height = Math.round(st.height);
    if (!(width > 0 && height > 0)) throw new Error(`bad image size ${st.width}×${st.height}`);
    const ss = Math.max(1, Math.min(4, Math.round(st.ssaa ?? 1)));
    const rw = width * ss,
      rh = height * ss;
    const wantNormal = st.normal ?? true;
    const albedoOnly = st.mode === 'albedo';
    const lighting = { ...DEFAULT_LIGHTING, ...st.lighting };
    const look: Look = { ...DEFAULT_LOOK, ...st.look };
    const sensor = { ...DEFAULT_SENSOR, ...st.sensor };
    const s = scratchFor(rw, rh, width, height);

    evaluation = evaluateRig(rig, request.weights, evaluation);
    lap('deform');
    const cam = resolveCamera(st.camera, st.pose, mesh.framing, rw, rh);
    const m = cam.worldToCamera;
    const f = cam.focalPx,
      ccx = cam.cx,
      ccy = cam.cy;
    const m0 = m[0]!,
      m1 = m[1]!,
      m2 = m[2]!,
      m3 = m[3]!,
      m4 = m[4]!,
      m5 = m[5]!,
      m6 = m[6]!,
      m7 = m[7]!,
      m8 = m[8]!,
      m9 = m[9]!,
      m10 = m[10]!,
      m11 = m[11]!;
    let v = 0;
    for (const pos of evaluation.positions) {
      for (let j = 0; j < pos.length; j += 3, v++) {
        const x = pos[j]!,
          y = pos[j + 1]!,
          z = pos[j + 2]!;
        const X = m0 * x + m1 * y + m2 * z + m3;
        const Y = m4 * x + m5 * y + m6 * z + m7;
        const Z = m8 * x + m9 * y + m10 * z + m11;
        const o = v * 3;
        pc[o] = X;
        pc[o + 1] = Y;
        pc[o + 2] = Z;
        if (-Z > NEAR) {
          const inv = -1 / Z;
          iw[v] = inv;
          sx[v] = ccx + f * X * inv;
          sy[v] = ccy - f * Y * inv;
        } else {
          iw[v] = 0;
        }
      }
    }
    const anchors = projectAnchors(mesh.anchors, m, f, ccx, ccy, ss);
    lap('transform');
    vertexNormals(pc, mesh.indices, nrm);
    lap('normals');
    updateAlbedo(look);
    lap('albedo');
    rasterize({ sx, sy, iw, indices: mesh.indices, triangleCount: mesh.triangleCount }, s.vb, st.cull === 'back');
    lap('raster');

    const lights: ShadeLight[] = [];
    const addLight = (l: DirectionalLight | null, shadowed: boolean): void => {
      if (!l || (l.color[0] <= 0 && l.color[1] <= 0 && l.color[2] <= 0)) return;
      const dir = rotateDirection(cam.view, l.direction);
      let shadow: ShadeLight['shadow'] = null;
      if (shadowed) {
        const size = Math.max(128, Math.min(512, Math.round(1.25 * Math.max(rw, rh) - 32)));
        const frame = buildLightFrame(pc, mesh.shadowIndices, mesh.shadowTriangleCount, mesh.shadowVertices, dir, size, shadowScratch);
        const texel = 1 / frame.scale;
        // Normal offset + a small constant bias against acne on surfaces grazing the light; taps
        // spread over ±4 mm give the penumbra of a large soft box.
        const offset = 1.5 * texel,
          bias = texel + 0.0003;
        // 2×2 taps where a pixel is ~2 mm anyway, 4×4 above.
        const taps = rw >= 256 ? 4 : 2;
        const step = Math.max(1, ((2 * SOFT_SHADOW_RADIUS_M) / (taps - 1)) * frame.scale);
        shadow = (x, y, z, nx, ny, nz) => shadowLookup(frame, x + nx * offset, y + ny * offset, z + nz * offset, bias, taps, step);
      }
      lights.push({ dir, color: [l.color[0], l.color[1], l.color[2]], shadow });
    };
    if (!albedoOnly) {
      addLight(lighting.key, lighting.keyShadows);
      addLight(lighting.fill, false);
      addLight(lighting.rim, false);
    }
    lap('shadowmap');
    const nb: Vec3 = st.normalBackground ?? DEFAULT_NORMAL_BACKGROUND;
    const bgVec = decodeNormal(nb);
    shade(
      {
        vb: s.vb,
        indices: mesh.indices,
        normals: nrm,
        albedo,
        occlusion,
        materials: mesh.materials,
        focalPx: f,
        cx: cam.cx,
        cy: cam.cy,
        lights,
        ambientSky: albedoOnly ? [1, 1, 1] : lighting.ambientSky,
        ambientGround: albedoOnly ? [1, 1, 1] : lighting.ambientGround,
        up: rotateDirection(cam.view, [0, 1, 0]),
        specularScale: look.specular,
        background: look.background,
        backgroundGradient: albedoOnly ? 0 : look.backgroundGradient,
        albedoOnly,
      },
      s.color,
      wantNormal ? s.normal : null,
      bgVec,
    );

    lap('shade');
    let lin = s.color;
    if (ss > 1) {
      downsample(s.color, rw, rh, ss, s.small);
      lin = s.small;
    }
    if (!albedoOnly && sensor.blur > 0) gaussianBlur(lin, width, height, sensor.blur, s.blurTmp);
    const rgb = new Uint8Array(width * height * 3);
    const gain = albedoOnly ? 1 : Math.pow(2, sensor.exposure);
    encodeColor(lin, rgb, {
      gain: albedoOnly ? [1, 1, 1] : [gain * sensor.whiteBalance[0], gain * sensor.whiteBalance[1], gain * sensor.whiteBalance[2]],
      readNoise: albedoOnly ? 0 : sensor.readNoise,
      shotNoise: albedoOnly ? 0 : sensor.shotNoise,
      seed: st.seed ?? 0,
      shoulder: !albedoOnly,
    });
    lap('post');
    let normal: Uint8Array | null = null;
    if (wantNormal) {
      normal = new Uint8Array(width * height * 3);
      const unitBg = Math.abs(Math.hypot(bgVec[0], bgVec[1], bgVec[2]) - 1) < 0.02;
      encodeNormals(s.normal, rw, rh, ss, normal, unitBg);
    }
    lap('normalmap');
    return { width, height, rgb, normal, anchors };
  };

  return { rig, mesh, render, stageTimes };
}

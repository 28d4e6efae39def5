// The software renderer: evaluated rig → camera → visibility buffer → deferred shading →
// sensor → 8-bit RGB and normal map. One Renderer per thread; it keeps its scratch buffers, so
// rendering allocates only the two output images.
import type { Rig } from '../../rig/types';
import { RIG_MATERIALS } from '../../rig/types';
import { resolveCamera, rotateDirection } from './camera';
import type { CompiledMesh } from './mesh';
import { compileRig, deformMesh } from './mesh';
import { computeNormals } from './normals';
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
}

export interface Renderer {
  readonly rig: Rig;
  readonly mesh: CompiledMesh;
  render(request: RenderRequest): RenderResult;
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
const FACE_MATERIALS = new Set(['skin', 'lip', 'brow'].map((m) => RIG_MATERIALS.indexOf(m as (typeof RIG_MATERIALS)[number])));
const SKIN_DETAIL_LUMA = 0.14;
const SKIN_DETAIL_RED = 0.1;

export function createRenderer(rig: Rig, options: RendererOptions = {}): Renderer {
  const mesh = compileRig(rig);
  const V = mesh.vertexCount;
  const pos = new Float32Array(V * 3);
  const pc = new Float32Array(V * 3);
  const nrm = new Float32Array(V * 3);
  const sx = new Float32Array(V), sy = new Float32Array(V), iw = new Float32Array(V);
  const albedo = new Float32Array(V * 3);
  let albedoKey = '';
  const shadowScratch: ShadowScratch = createShadowScratch(V);
  const scratches = new Map<string, Scratch>();

  const occlusion = new Float32Array(V).fill(1);
  if (options.occlusion ?? true) {
    computeNormals(mesh.neutral, mesh.indices, mesh.triangleCount, nrm);
    const ao = bakeOcclusion(mesh.neutral, nrm, mesh.indices, mesh.triangleCount, 40, 160);
    for (let v = 0; v < V; v++) if (FACE_MATERIALS.has(mesh.materials[v]!)) occlusion[v] = 0.25 + 0.75 * ao[v]!;
  }

  const updateAlbedo = (look: Look): void => {
    const key = `${look.skinTint.join(',')}|${look.skinDetail}`;
    if (key === albedoKey) return;
    albedoKey = key;
    const amp = look.skinDetail;
    for (let v = 0; v < V; v++) {
      const face = FACE_MATERIALS.has(mesh.materials[v]!);
      const tr = face ? look.skinTint[0] : 1, tg = face ? look.skinTint[1] : 1, tb = face ? look.skinTint[2] : 1;
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

  const render = (request: RenderRequest): RenderResult => {
    const st = request.settings;
    const width = Math.round(st.width), height = Math.round(st.height);
    if (!(width > 0 && height > 0)) throw new Error(`bad image size ${st.width}×${st.height}`);
    const ss = Math.max(1, Math.min(4, Math.round(st.ssaa ?? 1)));
    const rw = width * ss, rh = height * ss;
    const wantNormal = st.normal ?? true;
    const albedoOnly = st.mode === 'albedo';
    const lighting = { ...DEFAULT_LIGHTING, ...st.lighting };
    const look: Look = { ...DEFAULT_LOOK, ...st.look };
    const sensor = { ...DEFAULT_SENSOR, ...st.sensor };
    const s = scratchFor(rw, rh, width, height);

    deformMesh(mesh, request.weights, pos);
    const cam = resolveCamera(st.camera, st.pose, mesh.framing, rw, rh);
    const m = cam.worldToCamera;
    const f = cam.focalPx;
    for (let v = 0; v < V; v++) {
      const x = pos[v * 3]!, y = pos[v * 3 + 1]!, z = pos[v * 3 + 2]!;
      const X = m[0]! * x + m[1]! * y + m[2]! * z + m[3]!;
      const Y = m[4]! * x + m[5]! * y + m[6]! * z + m[7]!;
      const Z = m[8]! * x + m[9]! * y + m[10]! * z + m[11]!;
      pc[v * 3] = X;
      pc[v * 3 + 1] = Y;
      pc[v * 3 + 2] = Z;
      const depth = -Z;
      if (depth > NEAR) {
        const inv = 1 / depth;
        iw[v] = inv;
        sx[v] = cam.cx + f * X * inv;
        sy[v] = cam.cy - f * Y * inv;
      } else {
        iw[v] = 0;
      }
    }
    computeNormals(pc, mesh.indices, mesh.triangleCount, nrm);
    updateAlbedo(look);
    rasterize({ sx, sy, iw, indices: mesh.indices, triangleCount: mesh.triangleCount }, s.vb, st.cull === 'back');

    const lights: ShadeLight[] = [];
    const addLight = (l: DirectionalLight | null, shadowed: boolean): void => {
      if (!l || (l.color[0] <= 0 && l.color[1] <= 0 && l.color[2] <= 0)) return;
      const dir = rotateDirection(cam.view, l.direction);
      let shadow: ShadeLight['shadow'] = null;
      if (shadowed) {
        const size = Math.max(128, Math.min(512, Math.round(1.25 * Math.max(rw, rh))));
        const frame = buildLightFrame(pc, mesh.indices, mesh.triangleCount, dir, size, shadowScratch);
        const texel = 1 / frame.scale;
        const bias = 2 * texel + 0.0005;
        shadow = (x, y, z) => shadowLookup(frame, x, y, z, bias, 1, 1.5);
      }
      lights.push({ dir, color: [l.color[0], l.color[1], l.color[2]], shadow });
    };
    if (!albedoOnly) {
      addLight(lighting.key, lighting.keyShadows);
      addLight(lighting.fill, false);
      addLight(lighting.rim, false);
    }
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
    let normal: Uint8Array | null = null;
    if (wantNormal) {
      normal = new Uint8Array(width * height * 3);
      const unitBg = Math.abs(Math.hypot(bgVec[0], bgVec[1], bgVec[2]) - 1) < 0.02;
      encodeNormals(s.normal, rw, rh, ss, normal, unitBg);
    }
    return { width, height, rgb, normal };
  };

  return { rig, mesh, render };
}

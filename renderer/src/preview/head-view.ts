// The three.js side of the preview: renderer, camera, lights, orbit, toggles, and one or two
// heads (two for take comparison, side by side). It draws only when asked (render()), and
// renderIfChanged() skips even that when nothing it shows has changed since the last draw (a
// held pose during playback); what to show and when is decided by preview-controller.ts.
import {
  ACESFilmicToneMapping,
  BufferAttribute,
  Color,
  Group,
  Matrix4,
  Mesh,
  MeshNormalMaterial,
  PerspectiveCamera,
  Raycaster,
  Scene,
  ShaderMaterial,
  SRGBColorSpace,
  Vector2,
  Vector3,
  WebGLRenderer,
  type Material,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Size } from '../ui/plate-layout';
import type { Mat34, ShotCamera } from '../../../electron/common/camera';
import { cameraSetup, plateCameraSetup, plateView, type CameraSetup, type PlateCameraSetup } from './framing';
import { coarseForRig } from './coarse-mesh';
import { disposeHead, instantiateHead, updateHead, chooseTriangles, type HeadInstance } from './head-instance';
import { addStudioLights } from './lighting';
import { countParts, idColor, partId } from './part-ids';
import { nearestCorner } from './pick';
import type { PreparedRig } from './rig-scene';

export interface ViewToggles {
  wireframe: boolean;
  normals: boolean;
  /** Transparent background, so the plate drawn under the canvas shows through. */
  overlay: boolean;
}

/** A hit on the head: which mesh (index into rig.meshes) and which vertex. */
export interface HeadHit {
  readonly meshIndex: number;
  readonly vertex: number;
}

const BACKGROUND = new Color(0x17191c);
const GAP = 2;

export type { HeadInstance };

export class HeadView {
  readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(24, 1, 0.01, 20);
  private readonly controls: OrbitControls;
  private readonly normalMaterial = new MeshNormalMaterial();
  private readonly raycaster = new Raycaster();
  private css: Size = { width: 1, height: 1 };
  private dpr = 1;
  /** Device pixels drawn per CSS pixel (the renderer's pixel ratio). */
  private ratio = 1;
  private source: Size | null = null;
  private rig: PreparedRig | null = null;
  private heads: HeadInstance[] = [];
  /** Per head: the group that moves it by the head channels (rig space), its parent in the scene. */
  private movers: Group[] = [];
  /** The plate's camera when the view renders through it ("Plate camera"); null: the preview's own, orbitable. */
  private plateCamera: ShotCamera | null = null;
  /** Per rig mesh: its coarse triangle list, once computed (coarse-mesh.ts). */
  private coarse: (BufferAttribute | null)[] | null = null;
  private split = false;
  private toggles: ViewToggles = { wireframe: false, normals: false, overlay: false };
  /** Something shown changed since the last render (pose, camera, size, toggles, heads). */
  private changed = true;
  /** CPU time of the last render call, ms (the status line and the tests read it). */
  lastRenderMs = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    onCameraChange: () => void,
  ) {
    // No MSAA: its cost is fixed for the context's life, and without a GPU it is a large part of
    // every frame. Settled views are supersampled instead (render-scale.ts, setPixelRatio).
    this.renderer = new WebGLRenderer({ canvas, antialias: false, alpha: true, powerPreference: 'high-performance' });
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.renderer.toneMapping = ACESFilmicToneMapping;
    this.renderer.toneMappingExposure = 1.0;
    this.renderer.setScissorTest(true);
    addStudioLights(this.scene, this.camera);
    this.controls = new OrbitControls(this.camera, canvas);
    // No damping: damping needs a render loop, and this view renders only on change.
    this.controls.enableDamping = false;
    this.controls.addEventListener('change', () => {
      this.changed = true;
      onCameraChange();
    });
  }

  setRig(rig: PreparedRig | null): void {
    this.removeHeads();
    this.rig = rig;
    this.coarse = null;
    this.changed = true;
    if (!rig) return;
    this.heads.push(this.instantiate(rig));
    this.applyMaterials();
    this.resetView();
    // Simplifying takes a few hundred ms: after the head is on screen, not before.
    setTimeout(() => {
      if (this.rig !== rig) return;
      void coarseForRig(rig).then((lists) => {
        if (this.rig === rig) this.coarse = lists.map((l) => (l ? new BufferAttribute(l, 1) : null));
      });
    }, 500);
  }

  /** The head at `i` (0 the main one, 1 the comparison one, made on first use). */
  head(i: 0 | 1): HeadInstance | null {
    if (!this.rig) return null;
    if (i === 1 && !this.heads[1]) this.heads[1] = this.instantiate(this.rig);
    return this.heads[i] ?? null;
  }

  /** Blends a head whose weights were just written (morph-map's applyBinding on its blends). */
  updateHead(head: HeadInstance): void {
    if (updateHead(head)) this.changed = true;
  }

  /**
   * A copy of the rig for this view (head-instance.ts), so two previews (or two heads) of one
   * loaded rig do not fight over one scene graph.
   */
  private instantiate(rig: PreparedRig): HeadInstance {
    const head = instantiateHead(rig);
    const mover = new Group();
    mover.matrixAutoUpdate = false;
    mover.add(head.root);
    this.scene.add(mover);
    this.movers.push(mover);
    return head;
  }

  private removeHeads(): void {
    for (const m of this.movers) this.scene.remove(m);
    for (const h of this.heads) disposeHead(h);
    this.heads = [];
    this.movers = [];
  }

  /**
   * Renders through the plate's camera (`camera`), or through the preview's own framing camera
   * (null), which the user may orbit. Through the plate's camera the view cannot be orbited: it is
   * where the plate was filmed from.
   */
  setPlateCamera(camera: ShotCamera | null): void {
    if (camera === this.plateCamera) return;
    this.plateCamera = camera;
    this.controls.enabled = camera === null;
    this.changed = true;
    this.applyCamera(true);
  }

  /** Moves head `i` by a rig-space rigid transform (common/camera.ts headTransform); null: at rest. */
  setHeadMotion(i: 0 | 1, m: Mat34 | null): void {
    const mover = this.movers[i];
    if (!mover) return;
    const next = new Matrix4();
    if (m) next.set(m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!, m[9]!, m[10]!, m[11]!, 0, 0, 0, 1);
    if (next.equals(mover.matrix)) return;
    mover.matrix.copy(next);
    mover.matrixWorldNeedsUpdate = true;
    this.changed = true;
  }

  /** Plate size, so the head is framed like the plate (framing.ts). */
  setSource(source: Size | null): void {
    this.source = source;
    this.changed = true;
    this.applyCamera(false);
  }

  resize(css: Size, dpr: number): void {
    this.css = { width: Math.max(1, css.width), height: Math.max(1, css.height) };
    this.dpr = dpr;
    this.renderer.setPixelRatio(this.ratio);
    this.renderer.setSize(this.css.width, this.css.height, false);
    this.applyCamera(false);
    // A resized canvas is blank until drawn.
    this.changed = true;
  }

  /** The rig's mesh names, in the id pass's part order. */
  get meshNames(): string[] {
    return this.rig?.meshes.map((m) => m.mesh.name) ?? [];
  }

  /** The view's size in CSS pixels. */
  get cssSize(): Size {
    return this.css;
  }

  /** The view's size in CSS pixels (width × height) and the display's pixel ratio. */
  get display(): { cssPixels: number; dpr: number } {
    return { cssPixels: this.css.width * this.css.height, dpr: this.dpr };
  }

  /** Draws `ratio` device pixels per CSS pixel from the next render on (render-scale.ts). */
  setPixelRatio(ratio: number): void {
    if (ratio === this.ratio) return;
    this.ratio = ratio;
    this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(this.css.width, this.css.height, false);
    // The resized canvas is blank until drawn.
    this.changed = true;
  }

  setSplit(split: boolean): void {
    if (split !== this.split) this.changed = true;
    this.split = split;
  }

  setToggles(t: ViewToggles): void {
    const o = this.toggles;
    if (o.wireframe !== t.wireframe || o.normals !== t.normals || o.overlay !== t.overlay) this.changed = true;
    this.toggles = { ...t };
    this.applyMaterials();
  }

  resetView(): void {
    this.applyCamera(true);
    this.changed = true;
  }

  /** Renders unless the last render already shows all of it (the canvas keeps its image). */
  renderIfChanged(): boolean {
    if (!this.changed) return false;
    this.render();
    return true;
  }

  render(): void {
    const t0 = performance.now();
    const r = this.renderer;
    const overlay = this.toggles.overlay && !this.split;
    this.drawPanes(BACKGROUND, overlay ? 0 : 1);
    // Hand the draw to the GPU process now. Unflushed, it waits in the command buffer until the
    // compositor reads the canvas back at commit (software compositing, as with SwiftShader), and
    // the page's layout and paint and the head's raster then run one after the other instead of
    // side by side (measured: the head's ~8 ms raster began only at commit).
    const gl = r.getContext() as WebGL2RenderingContext;
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    if (fence) gl.deleteSync(fence);
    this.changed = false;
    this.lastRenderMs = performance.now() - t0;
  }

  /**
   * Clears (to `clear` at `clearAlpha`) and draws each pane. In overlay each head is drawn only
   * within the plate's rectangle: the plate is drawn nowhere else, so a neck running past the
   * plate's lower edge would hang below it over the stage's background.
   */
  private drawPanes(clear: Color, clearAlpha: number): void {
    const r = this.renderer;
    r.setClearColor(clear, clearAlpha);
    // Clear all (the gap between two panes included), then each pane clears its own rectangle.
    r.setScissor(0, 0, this.css.width, this.css.height);
    r.clear();
    // Below the display's resolution (a moving frame) the coarse triangles are as good and much
    // cheaper without a GPU; wireframe shows the rig's own topology.
    const coarse = this.usesCoarse ? this.coarse : null;
    for (const h of this.heads) chooseTriangles(h, coarse);
    const clip = this.toggles.overlay && !this.split ? this.plateRect() : null;
    this.panes().forEach((pane, i) => {
      this.applySetup(pane.setup);
      // three's viewport and scissor are GL's: origin at the bottom left.
      const y = this.css.height - pane.y - pane.height;
      r.setViewport(pane.x, y, pane.width, pane.height);
      if (clip) {
        const x0 = Math.max(pane.x, clip.x),
          x1 = Math.min(pane.x + pane.width, clip.x + clip.width);
        const y0 = Math.max(pane.y, clip.y),
          y1 = Math.min(pane.y + pane.height, clip.y + clip.height);
        if (x1 <= x0 || y1 <= y0) return;
        r.setScissor(x0, this.css.height - y1, x1 - x0, y1 - y0);
      } else r.setScissor(pane.x, y, pane.width, pane.height);
      this.movers.forEach((m, k) => (m.visible = k === i));
      r.render(this.scene, this.camera);
    });
  }

  /** Whether a render now draws the coarse triangle lists (below the display's resolution, not in wireframe, once they exist). */
  get usesCoarse(): boolean {
    return this.ratio < this.dpr && !this.toggles.wireframe && this.coarse !== null;
  }

  /** The plate's rectangle in the canvas, CSS px from its top left (framing.ts plateView). */
  plateRect(): { x: number; y: number; width: number; height: number } {
    const { view } = plateView(this.css, this.source);
    return { x: -view.x, y: -view.y, width: view.fullWidth, height: view.fullHeight };
  }

  /**
   * The id pass (part-ids.ts): draws every head's meshes in flat id colours, split at the face's
   * midline, with the triangle lists, resolution, cameras and clipping the next render would use,
   * counts what reached the screen per mesh and side, then draws the picture again.
   */
  partCoverage(): { width: number; height: number; ratio: number; coarse: boolean; counts: number[][]; other: number } | null {
    const rig = this.rig;
    if (!rig) return null;
    const midline = rig.framing.target[0];
    const ids = rig.meshes.map(
      (_, part) =>
        new ShaderMaterial({
          uniforms: {
            left: { value: new Color(...idColor(partId(part, 0))) },
            right: { value: new Color(...idColor(partId(part, 1))) },
            midline: { value: midline },
          },
          vertexShader: 'varying float vx; void main() { vx = position.x; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
          fragmentShader:
            'uniform vec3 left; uniform vec3 right; uniform float midline; varying float vx; ' +
            'void main() { gl_FragColor = vec4(vx < midline ? left : right, 1.0); }',
        }),
    );
    const saved = this.heads.map((h) => h.meshes.map((m) => m.material));
    const override = this.scene.overrideMaterial;
    this.scene.overrideMaterial = null;
    this.heads.forEach((h) => h.meshes.forEach((m, i) => (m.material = ids[i]!)));
    try {
      this.drawPanes(new Color(0, 0, 0), 0);
      const gl = this.renderer.getContext();
      const width = gl.drawingBufferWidth,
        height = gl.drawingBufferHeight;
      const pixels = new Uint8Array(width * height * 4);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      return { width, height, ratio: this.ratio, coarse: this.usesCoarse, ...countParts(pixels, rig.meshes.length) };
    } finally {
      this.heads.forEach((h, k) => h.meshes.forEach((m, i) => (m.material = saved[k]![i]!)));
      this.scene.overrideMaterial = override;
      for (const m of ids) m.dispose();
      this.render();
    }
  }

  /** The head hit at a canvas point (CSS px from its top-left), or null. */
  pick(x: number, y: number): HeadHit | null {
    const panes = this.panes();
    const i = panes.findIndex((p) => x >= p.x && x < p.x + p.width && y >= p.y && y < p.y + p.height);
    const pane = panes[i];
    const head = this.heads[i];
    if (!pane || !head) return null;
    this.applySetup(pane.setup);
    const ndc = new Vector2(((x - pane.x) / pane.width) * 2 - 1, -((y - pane.y) / pane.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    this.movers.forEach((m, k) => (m.visible = k === i));
    chooseTriangles(head, null);
    const hits = this.raycaster.intersectObjects(head.meshes as Mesh[], false);
    const hit = hits.find((h) => h.face);
    if (!hit?.face || !(hit.object instanceof Mesh)) return null;
    const mesh = hit.object;
    const corners = [hit.face.a, hit.face.b, hit.face.c] as const;
    const d2 = corners.map((v) => mesh.getVertexPosition(v, new Vector3()).applyMatrix4(mesh.matrixWorld).distanceToSquared(hit.point));
    return { meshIndex: head.meshes.indexOf(mesh), vertex: corners[nearestCorner(d2[0]!, d2[1]!, d2[2]!)] };
  }

  /** Renders and reads the drawing buffer back at once (before the browser clears it). */
  snapshot(): { width: number; height: number; pixels: Uint8Array } {
    this.render();
    const gl = this.renderer.getContext();
    const width = gl.drawingBufferWidth,
      height = gl.drawingBufferHeight;
    const pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    return { width, height, pixels };
  }

  dispose(): void {
    this.controls.dispose();
    this.normalMaterial.dispose();
    this.removeHeads();
    this.renderer.dispose();
  }

  /** Two heads side by side on a wide view, one above the other on a tall one: each as large as it can be. */
  get layout(): 'single' | 'columns' | 'rows' {
    if (!this.split || this.heads.length < 2) return 'single';
    return this.css.width >= this.css.height ? 'columns' : 'rows';
  }

  private panes(): { x: number; y: number; width: number; height: number; setup: CameraSetup | PlateCameraSetup }[] {
    const { width, height } = this.css;
    const framing = this.rig?.framing ?? { target: [0, 0, 0] as const, height: 0.3 };
    const cam = this.plateCamera;
    const setupFor = (viewport: { width: number; height: number }) =>
      cam ? plateCameraSetup(viewport, this.source, cam) : cameraSetup(viewport, this.source, framing);
    const layout = this.layout;
    if (layout === 'single') return [{ x: 0, y: 0, width, height, setup: setupFor({ width, height }) }];
    const cols = layout === 'columns';
    const w = cols ? Math.max(1, Math.floor((width - GAP) / 2)) : width;
    const h = cols ? height : Math.max(1, Math.floor((height - GAP) / 2));
    const setup = setupFor({ width: w, height: h });
    return [
      { x: 0, y: 0, width: w, height: h, setup },
      { x: cols ? width - w : 0, y: cols ? 0 : height - h, width: w, height: h, setup },
    ];
  }

  private applySetup(s: CameraSetup | PlateCameraSetup): void {
    const c = this.camera;
    if ('position' in s) {
      c.position.set(s.position[0], s.position[1], s.position[2]);
      c.up.set(s.up[0], s.up[1], s.up[2]);
      c.lookAt(s.target[0], s.target[1], s.target[2]);
      c.updateMatrixWorld();
    }
    c.fov = s.fov;
    c.aspect = s.aspect;
    c.setViewOffset(s.view.fullWidth, s.view.fullHeight, s.view.x, s.view.y, s.view.width, s.view.height);
    c.updateProjectionMatrix();
  }

  private applyCamera(reset: boolean): void {
    const setup = this.panes()[0]!.setup;
    this.applySetup(setup);
    if (!reset || !this.rig || 'position' in setup) return;
    const t = this.rig.framing.target;
    this.camera.position.set(t[0], t[1], t[2] + setup.distance);
    this.camera.up.set(0, 1, 0);
    this.controls.target.set(t[0], t[1], t[2]);
    this.camera.lookAt(t[0], t[1], t[2]);
    this.controls.update();
  }

  private applyMaterials(): void {
    const { wireframe, normals } = this.toggles;
    this.normalMaterial.wireframe = wireframe;
    this.scene.overrideMaterial = normals ? this.normalMaterial : null;
    this.rig?.root.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      const mats: Material[] = Array.isArray(o.material) ? o.material : [o.material];
      for (const m of mats) if ('wireframe' in m) (m as Material & { wireframe: boolean }).wireframe = wireframe;
    });
  }
}

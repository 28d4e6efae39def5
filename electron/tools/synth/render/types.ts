// Options of the software renderer. Everything here is plain data (numbers, arrays) so a
// request crosses to a worker thread by structured clone. Units: metres, degrees, linear RGB.
//
// Conventions (ARCHITECTURE.md "Normal maps"):
//   world = the rig's frame: +Y up, the face looks toward +Z, +X is the actor's left.
//   camera space = OpenGL: +X right, +Y up, +Z toward the camera (the camera looks along −Z).
//   images = Uint8Array RGB, HWC, row 0 at the top; sRGB-encoded colour.
//   normal map = camera-space normal encoded rgb = round((n + 1) · 127.5).
//   background: RGB = a studio backdrop colour (look.background, with a soft vertical gradient);
//   normal = (128, 128, 255) by default, i.e. a flat backdrop facing the camera, so that every
//   pixel of the map is a valid unit normal (override with normalBackground).

export type Vec3 = readonly [number, number, number];

export interface CameraSpec {
  /** 35 mm-equivalent focal length: a 36 mm wide sensor maps onto the image width. */
  readonly focalMm?: number;
  /** Camera position (world). Default: in front of the face, at a distance that frames it. */
  readonly position?: Vec3;
  /** Look-at point (world). Default: the centre of the face. */
  readonly target?: Vec3;
  readonly up?: Vec3;
  /** Added to the look-at point (default or given): framing jitter. */
  readonly targetOffset?: Vec3;
  /** Multiplies the default framing distance (ignored when position is given). */
  readonly distanceScale?: number;
}

/** A rigid rotation of the whole head about a pivot (the top of the neck by default). */
export interface HeadPose {
  /** Degrees; yaw about +Y (positive turns the face toward the actor's left), pitch about +X (positive looks down), roll about +Z. */
  readonly yaw?: number;
  readonly pitch?: number;
  readonly roll?: number;
  readonly pivot?: Vec3;
}

export interface DirectionalLight {
  /** Direction toward the light, world space (normalised by the renderer). */
  readonly direction: Vec3;
  /** Linear RGB colour × intensity. */
  readonly color: Vec3;
}

export interface Lighting {
  readonly key: DirectionalLight | null;
  readonly fill: DirectionalLight | null;
  readonly rim: DirectionalLight | null;
  /** Hemisphere ambient: radiance from above and from below (world up). */
  readonly ambientSky: Vec3;
  readonly ambientGround: Vec3;
  /** Shadows cast by the key light (a shadow map). */
  readonly keyShadows: boolean;
}

export interface Look {
  /** Multiplies the albedo of skin, lips and brows (skin tone); eyes, teeth and mouth keep theirs. */
  readonly skinTint: Vec3;
  /** Amplitude of the procedural skin variation (mottling, redness), 0 = plain vertex colours. */
  readonly skinDetail: number;
  /** Multiplies specular strength of every material (oily vs matte skin). */
  readonly specular: number;
  /** Backdrop colour (linear RGB) and its top-to-bottom brightness falloff. */
  readonly background: Vec3;
  readonly backgroundGradient: number;
}

export interface Sensor {
  /** Exposure compensation in stops. */
  readonly exposure: number;
  /** Optical blur, Gaussian sigma in output pixels (0 = sharp). */
  readonly blur: number;
  /** Read noise sigma and shot-noise gain, in linear units (0 = clean). */
  readonly readNoise: number;
  readonly shotNoise: number;
  /** Per-channel gain (white balance error). */
  readonly whiteBalance: Vec3;
}

export interface RenderSettings {
  readonly width: number;
  readonly height: number;
  readonly camera?: CameraSpec;
  readonly pose?: HeadPose;
  readonly lighting?: Partial<Lighting>;
  readonly look?: Partial<Look>;
  readonly sensor?: Partial<Sensor>;
  /** Supersampling factor per axis (1 = none). */
  readonly ssaa?: number;
  /** Produce the normal map too (default true). */
  readonly normal?: boolean;
  /** 'albedo' skips lighting and post (debugging, tests). */
  readonly mode?: 'lit' | 'albedo';
  /** Encoded normal-map background, uint8 RGB. */
  readonly normalBackground?: Vec3;
  /** 'none' draws both sides (shading the back side with its normal flipped); 'back' culls back faces. */
  readonly cull?: 'none' | 'back';
  /** Seeds the sensor noise. */
  readonly seed?: number;
}

export interface RenderRequest {
  /** One weight per rig control (rig order). */
  readonly weights: Float32Array;
  readonly settings: RenderSettings;
}

export interface RenderResult {
  readonly width: number;
  readonly height: number;
  /** sRGB, HWC, row 0 at the top. */
  readonly rgb: Uint8Array;
  /** Encoded camera-space normals, HWC; null when settings.normal is false. */
  readonly normal: Uint8Array | null;
  /**
   * The head's rigid anchors (mesh.ts ANCHOR_NAMES) projected into the image: x, y per anchor in
   * continuous pixel coordinates (pixel i spans [i, i + 1), row 0 at the top); null when the rig
   * has none. Labels for the solver's pose stage.
   */
  readonly anchors: Float32Array | null;
}

/** A soft studio portrait set-up: big soft key from the camera's upper left, weak fill, a little rim. */
export const DEFAULT_LIGHTING: Lighting = {
  key: { direction: [-0.62, 0.5, 0.6], color: [1.95, 1.88, 1.8] },
  fill: { direction: [0.75, 0.05, 0.65], color: [0.3, 0.32, 0.36] },
  rim: { direction: [0.45, 0.45, -0.75], color: [0.7, 0.7, 0.72] },
  ambientSky: [0.2, 0.21, 0.23],
  ambientGround: [0.08, 0.075, 0.07],
  keyShadows: true,
};

export const DEFAULT_LOOK: Look = {
  skinTint: [1, 1, 1],
  skinDetail: 1,
  specular: 1,
  background: [0.16, 0.165, 0.17],
  backgroundGradient: 0.35,
};

export const DEFAULT_SENSOR: Sensor = {
  exposure: 0,
  blur: 0,
  readNoise: 0,
  shotNoise: 0,
  whiteBalance: [1, 1, 1],
};

export const DEFAULT_NORMAL_BACKGROUND: Vec3 = [128, 128, 255];

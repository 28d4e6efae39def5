// Shot rows: the unit animators and supervisors work in.
import type { CropRect, NormalConvention, ShotDetail, ShotStatus, ShotSummary } from '../common/api/schemas';
import { ShotCamera } from '../common/camera';
import type { Slate } from '../common/slate/slate';
import type { ProjectDb } from './open';

interface ShotRow {
  id: number;
  name: string;
  fps: number;
  first_frame: number | null;
  last_frame: number | null;
  width: number | null;
  height: number | null;
  status: ShotStatus;
  status_by: string | null;
  status_at: string | null;
  crop_x: number | null;
  crop_y: number | null;
  crop_size: number | null;
  normal_convention: NormalConvention;
  rgb_source: string;
  normal_source: string | null;
  import_state: 'importing' | 'complete';
  active_take_id: number | null;
  created_at: string;
  frame_count: number;
  warning_count: number;
  normal_count: number;
  rig_path: string | null;
  rig_mapping: string | null;
  scene: string | null;
  capture_take: string | null;
  actor: string | null;
  start_timecode: string | null;
  thumbnail_frame: number | null;
  camera: string | null;
  fov_deg: number | null;
}

const SELECT_SHOT = `
  SELECT s.*,
    (SELECT count(*) FROM frames f WHERE f.shot_id = s.id) AS frame_count,
    (SELECT count(*) FROM frames f WHERE f.shot_id = s.id AND f.status != 'ok') AS warning_count,
    (SELECT count(*) FROM frames f WHERE f.shot_id = s.id AND f.normal_path IS NOT NULL) AS normal_count,
    -- the thumbnail: the readable plate nearest the middle of the shot
    (SELECT f.frame FROM frames f WHERE f.shot_id = s.id AND f.rgb_path IS NOT NULL AND f.status != 'missing'
       ORDER BY abs(2 * f.frame - s.first_frame - s.last_frame), f.frame LIMIT 1) AS thumbnail_frame
  FROM shots s`;

function toSummary(r: ShotRow): ShotSummary {
  return {
    id: r.id,
    name: r.name,
    fps: r.fps,
    firstFrame: r.first_frame,
    lastFrame: r.last_frame,
    frameCount: r.frame_count,
    width: r.width,
    height: r.height,
    hasNormal: r.normal_source !== null,
    status: r.status,
    statusBy: r.status_by,
    statusAt: r.status_at,
    importState: r.import_state,
    warningCount: r.warning_count,
    activeTakeId: r.active_take_id,
    createdAt: r.created_at,
    scene: r.scene,
    captureTake: r.capture_take,
    actor: r.actor,
    startTimecode: r.start_timecode,
    thumbnailFrame: r.thumbnail_frame,
  };
}

function toDetail(r: ShotRow): ShotDetail {
  const crop: CropRect | null = r.crop_size !== null ? { x: r.crop_x ?? 0, y: r.crop_y ?? 0, size: r.crop_size } : null;
  return {
    ...toSummary(r),
    rgbSource: r.rgb_source,
    normalSource: r.normal_source,
    normalConvention: r.normal_convention,
    crop,
    rigPath: r.rig_path,
    rigMapping: parseMapping(r.rig_mapping),
    camera: parseCamera(r.camera),
    fovDeg: r.fov_deg,
  };
}

/** The stored camera; a row a newer or damaged writer left unreadable reads as none (the shot gets the default camera). */
function parseCamera(json: string | null): ShotCamera | null {
  if (json === null) return null;
  try {
    const r = ShotCamera.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function parseMapping(json: string | null): Record<string, string | null> | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string | null>) : null;
  } catch {
    return null;
  }
}

export function listShots(db: ProjectDb): ShotSummary[] {
  return (db.prepare(`${SELECT_SHOT} ORDER BY s.name COLLATE NOCASE`).all() as ShotRow[]).map(toSummary);
}

export function getShot(db: ProjectDb, id: number): ShotDetail | null {
  const row = db.prepare(`${SELECT_SHOT} WHERE s.id = ?`).get(id) as ShotRow | undefined;
  return row ? toDetail(row) : null;
}

export function findShotByName(db: ProjectDb, name: string): ShotDetail | null {
  const row = db.prepare(`${SELECT_SHOT} WHERE s.name = ?`).get(name) as ShotRow | undefined;
  return row ? toDetail(row) : null;
}

export interface NewShot {
  name: string;
  fps: number;
  rgbSource: string;
  normalSource: string | null;
  normalConvention: NormalConvention;
}

export function createShot(db: ProjectDb, shot: NewShot): number {
  const info = db
    .prepare(`INSERT INTO shots (name, fps, rgb_source, normal_source, normal_convention) VALUES (?, ?, ?, ?, ?)`)
    .run(shot.name, shot.fps, shot.rgbSource, shot.normalSource, shot.normalConvention);
  return Number(info.lastInsertRowid);
}

export function updateShotAfterImport(
  db: ProjectDb,
  id: number,
  fields: { firstFrame: number | null; lastFrame: number | null; width: number | null; height: number | null; importState: 'importing' | 'complete' },
): void {
  db.prepare(
    `UPDATE shots SET first_frame = ?, last_frame = ?, width = ?, height = ?, import_state = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
  ).run(fields.firstFrame, fields.lastFrame, fields.width, fields.height, fields.importState, id);
}

export function setShotFps(db: ProjectDb, id: number, fps: number): void {
  db.prepare(`UPDATE shots SET fps = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(fps, id);
}

export function setShotCrop(db: ProjectDb, id: number, crop: CropRect | null): void {
  db.prepare(`UPDATE shots SET crop_x = ?, crop_y = ?, crop_size = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
    crop?.x ?? null,
    crop?.y ?? null,
    crop?.size ?? null,
    id,
  );
}

/** The shot's own rig (null: the default head) and its manual mapping. */
export function setShotRig(db: ProjectDb, id: number, rigPath: string | null, mapping: Readonly<Record<string, string | null>> | null): void {
  db.prepare(`UPDATE shots SET rig_path = ?, rig_mapping = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
    rigPath,
    rigPath !== null && mapping && Object.keys(mapping).length > 0 ? JSON.stringify(mapping) : null,
    id,
  );
}

/**
 * The shot's camera: `camera` from the capture's camera.json (undefined keeps the stored one, null
 * clears it) and `fovDeg`, the field of view of a shot without one (undefined keeps it, null: the default).
 */
export function setShotCamera(db: ProjectDb, id: number, fields: { camera?: ShotCamera | null; fovDeg?: number | null }): void {
  if (fields.camera !== undefined)
    db.prepare(`UPDATE shots SET camera = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
      fields.camera ? JSON.stringify(fields.camera) : null,
      id,
    );
  if (fields.fovDeg !== undefined)
    db.prepare(`UPDATE shots SET fov_deg = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(fields.fovDeg, id);
}

/** Sets the slate fields given (values already normalised by common/slate); the others keep theirs. */
export function setShotSlate(db: ProjectDb, id: number, slate: Partial<Slate>): void {
  const columns: Record<keyof Slate, string> = { scene: 'scene', captureTake: 'capture_take', actor: 'actor', startTimecode: 'start_timecode' };
  const given = (Object.keys(columns) as (keyof Slate)[]).filter((f) => slate[f] !== undefined);
  if (given.length === 0) return;
  db.prepare(`UPDATE shots SET ${given.map((f) => `${columns[f]} = ?`).join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(
    ...given.map((f) => slate[f] ?? null),
    id,
  );
}

export function shotSlate(shot: Pick<ShotSummary, keyof Slate>): Slate {
  return { scene: shot.scene, captureTake: shot.captureTake, actor: shot.actor, startTimecode: shot.startTimecode };
}

// The API's handlers: one async function per channel, shared by both hosts. They receive
// arguments already validated against the contract and return plain data.
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { ChannelName, ChannelParsedArgs, ChannelResult } from '../common/api/contract';
import { AppError, notFound } from '../common/api/errors';
import type { ProjectInfo, RigInspectReport, TakeSummary } from '../common/api/schemas';
import { statusChangeRefusal } from '../common/review/status-rules';
import { exportApproved, exportShot } from '../export/export-shot';
import { rememberedExport } from '../export/remembered';
import { renderDailies } from '../dailies/render-dailies';
import { addNote, getNote, listNotes, setNoteResolved, setShotStatus } from '../db/review';
import { commitEdit, historyState, readLayer, redoEdit, undoEdit } from '../db/layers';
import { activeTakeId, getTake, listTakes, setActiveTake } from '../db/takes';
import { clampCrop } from '../solver/decode';
import { controlMismatch, defaultModelPath, listModels } from '../solver/models-catalog';
import { importCapture } from '../capture/import-capture';
import { takeName } from '../capture/curves-take';
import { listFrameRecords, toFrameInfo } from '../db/frames';
import { ProjectFileError } from '../db/open';
import { getShot, listShots, setShotCrop, setShotRig, setShotSlate } from '../db/shots';
import { compileNamePattern, normaliseSlateValue, SLATE_FIELDS, slateFromNames, type Slate } from '../common/slate/slate';
import { importRigFile } from '../rig/rig-file';
import { defaultShotRig, rigForShot } from '../rig/shot-rig';
import type { RigMappingReport } from '../rig/mapping';
import type { ProjectSession } from '../project/session';
import type { AppContext } from './context';
import { listDir } from './list-dir';
import { checkEditTransaction, checkRigMapping, fovRefusal } from './shot-input';

export type Handlers = {
  [C in ChannelName]: (args: ChannelParsedArgs<C>, ctx: AppContext) => Promise<ChannelResult<C>>;
};

function requireSession(ctx: AppContext): ProjectSession {
  const s = ctx.session();
  if (!s) throw new AppError('badInput', 'no project is open: open or create one first');
  return s;
}

function projectInfo(ctx: AppContext, s: ProjectSession): ProjectInfo {
  return { path: s.path, name: s.name, shotCount: listShots(s.db).length, readOnly: ctx.readOnly || s.readOnly, host: ctx.host };
}

export const handlers: Handlers = {
  'project.info': async (_args, ctx) => projectInfo(ctx, requireSession(ctx)),

  'project.open': async (args, ctx) => {
    try {
      return projectInfo(ctx, ctx.openProject(args.path, args.create));
    } catch (err) {
      if (err instanceof ProjectFileError) throw new AppError(args.create ? 'badInput' : 'notFound', err.message);
      throw err;
    }
  },

  'shots.list': async (_args, ctx) => listShots(requireSession(ctx).db),

  'shot.get': async (args, ctx) => {
    const shot = getShot(requireSession(ctx).db, args.shotId);
    if (!shot) throw notFound(`no shot with id ${args.shotId}`);
    return shot;
  },

  'shot.frames': async (args, ctx) => {
    const s = requireSession(ctx);
    if (!getShot(s.db, args.shotId)) throw notFound(`no shot with id ${args.shotId}`);
    return listFrameRecords(s.db, args.shotId).map(toFrameInfo);
  },

  'capture.import': async (args, ctx) => {
    const s = requireSession(ctx);
    const jobId = randomUUID();
    const label = `Importing ${args.shotName}`;
    let last = 0;
    try {
      const report = await importCapture(s.db, args, {
        cacheDir: s.cacheDir,
        onProgress: (p) => {
          // At most ~20 events a second: progress is for eyes, not for logs.
          const now = Date.now();
          if (p.done < p.total && now - last < 50) return;
          last = now;
          ctx.emit('job.progress', { jobId, kind: p.phase === 'extract' ? 'extract' : 'import', label, done: p.done, total: p.total, finished: false });
        },
      });
      return report;
    } finally {
      ctx.emit('job.progress', { jobId, kind: 'import', label, done: 1, total: 1, finished: true });
      ctx.emit('shots.changed', { shotId: null });
    }
  },

  'fs.listDir': async (args, ctx) => listDir(args.path, ctx.fileScope),

  'shot.setCrop': async (args, ctx) => {
    const s = requireSession(ctx);
    const shot = getShot(s.db, args.shotId);
    if (!shot) throw notFound(`no shot with id ${args.shotId}`);
    setShotCrop(s.db, args.shotId, args.crop && shot.width && shot.height ? clampCrop(args.crop, shot.width, shot.height) : null);
    ctx.emit('shots.changed', { shotId: args.shotId });
    return getShot(s.db, args.shotId)!;
  },

  'shot.setFov': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const shot = getShot(s.db, args.shotId)!;
    if (shot.camera) throw fovRefusal(shot, shot.camera);
    // An edit of the shot like a key's (common/edits.ts setFov): in its history, so Ctrl+Z takes it back.
    if (args.fovDeg !== shot.fovDeg) {
      commitEdit(s.db, args.shotId, { label: fovLabel(args.fovDeg), ops: [{ op: 'setFov', fovDeg: args.fovDeg }] });
      ctx.emit('layer.changed', { shotId: args.shotId });
      ctx.emit('shots.changed', { shotId: args.shotId });
    }
    return getShot(s.db, args.shotId)!;
  },

  'shot.setSlate': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const slate: Partial<Slate> = {};
    for (const f of SLATE_FIELDS) {
      const v = args.slate[f];
      if (v === undefined) continue;
      const r = normaliseSlateValue(f, v);
      if ('problem' in r) throw new AppError('badInput', r.problem);
      slate[f] = r.value;
    }
    setShotSlate(s.db, args.shotId, slate);
    ctx.emit('shots.changed', { shotId: args.shotId });
    return getShot(s.db, args.shotId)!;
  },

  'shots.applyNamePattern': async (args, ctx) => {
    const s = requireSession(ctx);
    const pattern = compileNamePattern(args.pattern);
    if ('problem' in pattern) throw new AppError('badInput', `name pattern: ${pattern.problem}`);
    const shots = args.shotIds.map((id) => getShot(s.db, id) ?? notFoundShot(id));
    const updated: number[] = [];
    const unmatched: string[] = [];
    s.db.transaction(() => {
      for (const shot of shots) {
        const slate = slateFromNames(pattern, [shot.name, basename(shot.rgbSource)]);
        if (slate) {
          setShotSlate(s.db, shot.id, slate);
          updated.push(shot.id);
        } else unmatched.push(shot.name);
      }
    })();
    if (updated.length > 0) ctx.emit('shots.changed', { shotId: null });
    return { updated, unmatched };
  },

  'models.list': async (args, ctx) => {
    const entries = await listModels(ctx.userModelsDir);
    // The shot's rig decides what matches; without a shot, the default head.
    const db = ctx.session()?.db;
    const shot = args.shotId !== null && db ? getShot(db, args.shotId) : null;
    // a shot that is not there must not quietly list the default head's models as its own
    if (args.shotId !== null && db && !shot) throw notFound(`no shot with id ${args.shotId}`);
    const rig = (shot ? rigForShot(shot) : defaultShotRig()).controls;
    const def = defaultModelPath();
    return entries.map((e) => ({
      path: e.path,
      source: e.source,
      id: e.info?.manifest.id ?? null,
      inputSize: e.info?.manifest.inputSize ?? null,
      controlCount: e.info?.manifest.controls.length ?? null,
      problem: e.error ?? (e.info ? controlMismatch(e.info.manifest, rig) : null),
      evaluation: e.info?.manifest.evaluation ?? {},
      headline: e.info?.manifest.evaluation.headline ?? null,
      headlineProblem: e.info?.headlineProblem ?? null,
      isDefault: e.path === def,
    }));
  },

  'solve.start': async (args, ctx) => ({ queued: await ctx.solver.enqueue(args.shotIds, args.modelPath, args.device) }),

  'solve.cancel': async (args, ctx) => {
    if (args.shotId !== null) requireShot(ctx, args.shotId); // null: cancel every queued solve
    ctx.solver.cancel(args.shotId);
    return ctx.solver.status();
  },

  'solve.status': async (_args, ctx) => ctx.solver.status(),

  'takes.list': async (args, ctx) => takeSummaries(requireSession(ctx), args.shotId),

  'layer.get': async (args, ctx) => layerWithHistory(requireShot(ctx, args.shotId), args.shotId),

  'edits.apply': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const before = getShot(s.db, args.shotId)!;
    checkEditTransaction(before, args.transaction);
    commitEdit(s.db, args.shotId, args.transaction);
    emitEdited(ctx, s, before);
    return layerWithHistory(s, args.shotId);
  },

  'edits.undo': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const before = getShot(s.db, args.shotId)!;
    if (undoEdit(s.db, args.shotId)) emitEdited(ctx, s, before);
    return layerWithHistory(s, args.shotId);
  },

  'edits.redo': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const before = getShot(s.db, args.shotId)!;
    if (redoEdit(s.db, args.shotId)) emitEdited(ctx, s, before);
    return layerWithHistory(s, args.shotId);
  },

  'shot.setStatus': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const shot = getShot(s.db, args.shotId)!;
    const refusal = statusChangeRefusal({
      from: shot.status,
      to: args.status,
      role: ctx.readOnly ? 'reviewer' : 'artist',
      note: args.note ?? null,
      solved: activeTakeId(s.db, args.shotId) !== null,
    });
    if (refusal) throw new AppError(refusal.code, refusal.message);
    s.db.transaction(() => {
      setShotStatus(s.db, args.shotId, args.status, args.by);
      if (args.note) addNote(s.db, { shotId: args.shotId, frameStart: shot.firstFrame ?? 0, frameEnd: shot.lastFrame ?? 0, text: args.note, author: args.by });
    })();
    ctx.emit('shots.changed', { shotId: args.shotId });
    if (args.note) ctx.emit('notes.changed', { shotId: args.shotId });
    return getShot(s.db, args.shotId)!;
  },

  'notes.list': async (args, ctx) => listNotes(requireShot(ctx, args.shotId).db, args.shotId),

  'notes.add': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const shot = getShot(s.db, args.shotId)!;
    const lo = Math.min(args.frameStart, args.frameEnd);
    const hi = Math.max(args.frameStart, args.frameEnd);
    if (shot.firstFrame !== null && (lo < shot.firstFrame || hi > shot.lastFrame!)) {
      throw new AppError('badInput', `frames ${lo}-${hi} are outside the shot (${shot.firstFrame}-${shot.lastFrame})`);
    }
    addNote(s.db, { shotId: args.shotId, frameStart: lo, frameEnd: hi, text: args.text, author: args.author, drawing: args.drawing });
    ctx.emit('notes.changed', { shotId: args.shotId });
    return listNotes(s.db, args.shotId);
  },

  'notes.resolve': async (args, ctx) => {
    const s = requireSession(ctx);
    const note = getNote(s.db, args.noteId);
    if (!note) throw notFound(`no note ${args.noteId}`);
    setNoteResolved(s.db, args.noteId, args.resolved, args.by);
    ctx.emit('notes.changed', { shotId: note.shotId });
    return listNotes(s.db, note.shotId);
  },

  'export.shot': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    const { shotId, ...opts } = args;
    return exportShot(s.db, shotId, opts);
  },

  'export.approved': async (args, ctx) => {
    const s = requireSession(ctx);
    const jobId = randomUUID();
    const label = 'Exporting approved shots';
    try {
      return await exportApproved(s.db, {
        ...args,
        onProgress: (done, total) => ctx.emit('job.progress', { jobId, kind: 'export', label, done, total, finished: false }),
      });
    } finally {
      ctx.emit('job.progress', { jobId, kind: 'export', label, done: 1, total: 1, finished: true });
    }
  },

  'export.remembered': async (_args, ctx) => rememberedExport(requireSession(ctx).db),

  'dailies.render': async (args, ctx) => {
    const s = requireSession(ctx);
    for (const id of args.shotIds) requireShot(ctx, id);
    const jobId = randomUUID();
    const stop = new AbortController();
    dailiesRuns.set(jobId, stop);
    const label = args.shotIds.length === 1 ? `Dailies of ${getShot(s.db, args.shotIds[0]!)!.name}` : `Dailies of ${args.shotIds.length} shots`;
    let last = 0;
    try {
      return await renderDailies(s.db, {
        shotIds: args.shotIds,
        out: args.out,
        project: s.name,
        width: args.width,
        height: args.height,
        notes: args.notes,
        overlay: args.overlay,
        artist: args.artist,
        signal: stop.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (p.done < p.total && now - last < 100) return;
          last = now;
          ctx.emit('job.progress', { jobId, kind: 'dailies', label, done: p.done, total: p.total, finished: false, etaSeconds: p.etaSeconds });
        },
      });
    } finally {
      dailiesRuns.delete(jobId);
      ctx.emit('job.progress', { jobId, kind: 'dailies', label, done: 1, total: 1, finished: true });
    }
  },

  'dailies.cancel': async (args) => {
    const runs = args.jobId === null ? [...dailiesRuns.values()] : [dailiesRuns.get(args.jobId)].filter((r) => r !== undefined);
    runs.forEach((r) => r.abort());
    return { cancelled: runs.length };
  },

  'take.setActive': async (args, ctx) => {
    const s = requireSession(ctx);
    const take = getTake(s.db, args.takeId);
    if (!take || take.shotId !== args.shotId) throw notFound(`shot ${args.shotId} has no take ${args.takeId}`);
    if (take.state !== 'complete') throw new AppError('badInput', `take ${args.takeId} is not complete (${take.state}); solve again to finish it`);
    setActiveTake(s.db, args.shotId, args.takeId);
    ctx.emit('shots.changed', { shotId: args.shotId });
    return takeSummaries(s, args.shotId);
  },

  'rig.inspect': async (args) => {
    checkRigMapping(args.mapping);
    const path = resolve(args.path);
    const { rig, report } = await importRigFile(path, args.mapping);
    return inspectReport(path, rig.controls, report);
  },

  'shot.setRig': async (args, ctx) => {
    const s = requireShot(ctx, args.shotId);
    checkRigMapping(args.mapping);
    if (args.path === null) setShotRig(s.db, args.shotId, null, null);
    else {
      const path = resolve(args.path);
      await importRigFile(path, args.mapping); // refuses what the preview could not load
      setShotRig(s.db, args.shotId, path, args.mapping ?? null);
    }
    ctx.emit('shots.changed', { shotId: args.shotId });
    return getShot(s.db, args.shotId)!;
  },
};

function inspectReport(path: string, controls: readonly string[], report: RigMappingReport): RigInspectReport {
  return {
    path,
    mapped: [
      ...report.matched.map((m) => ({ target: m.target, controls: [m.control], how: m.how })),
      ...report.aliased.map((a) => ({ target: a.target, controls: [...a.controls], how: 'alias' as const })),
    ],
    unmapped: report.unmapped.map((u) => ({ ...u })),
    missingControls: [...report.missingControls],
    controls: [...controls],
  };
}

/** Dailies renders in progress, by their job id, so dailies.cancel can stop one. */
const dailiesRuns = new Map<string, AbortController>();

function notFoundShot(id: number): never {
  throw notFound(`no shot with id ${id}`);
}

function requireShot(ctx: AppContext, shotId: number): ProjectSession {
  const s = requireSession(ctx);
  if (!getShot(s.db, shotId)) throw notFound(`no shot with id ${shotId}`);
  return s;
}

/** The history's label for a field-of-view edit. */
function fovLabel(fovDeg: number | null): string {
  return `Field of view ${fovDeg === null ? 'default' : `${fovDeg}°`}`;
}

/** An edit, undo or redo happened on a shot: its layer changed, and its record too when it moved the field of view. */
function emitEdited(ctx: AppContext, s: ProjectSession, before: { id: number; fovDeg: number | null }): void {
  ctx.emit('layer.changed', { shotId: before.id });
  if (getShot(s.db, before.id)?.fovDeg !== before.fovDeg) ctx.emit('shots.changed', { shotId: before.id });
}

function layerWithHistory(s: ProjectSession, shotId: number) {
  return { ...readLayer(s.db, shotId), ...historyState(s.db, shotId) };
}

function takeSummaries(s: ProjectSession, shotId: number): TakeSummary[] {
  if (!getShot(s.db, shotId)) throw notFound(`no shot with id ${shotId}`);
  const active = activeTakeId(s.db, shotId);
  return listTakes(s.db, shotId).map((t) => ({
    id: t.id,
    shotId: t.shotId,
    modelId: t.modelId,
    modelHash: t.modelHash,
    provider: t.provider,
    state: t.state,
    framesDone: t.framesDone,
    durationMs: t.durationMs,
    createdAt: t.createdAt,
    failedFrames: t.failedFrames,
    notice: t.notice,
    name: takeName(t),
    active: t.id === active,
  }));
}

// Channel and event names alone, without their schemas, for the preload script: it exposes one
// function per channel and must stay small (no zod in the sandboxed preload). A test checks these
// lists equal the contract's.
export const CHANNEL_NAME_LIST = [
  'project.info',
  'project.open',
  'shots.list',
  'shot.get',
  'shot.frames',
  'capture.import',
  'fs.listDir',
  'shot.setCrop',
  'shot.setSlate',
  'shots.applyNamePattern',
  'models.list',
  'solve.start',
  'solve.cancel',
  'solve.status',
  'takes.list',
  'take.setActive',
  'layer.get',
  'edits.apply',
  'edits.undo',
  'edits.redo',
  'shot.setStatus',
  'notes.list',
  'notes.add',
  'notes.resolve',
  'export.shot',
  'export.approved',
  'rig.inspect',
  'shot.setRig',
] as const;
export const EVENT_NAME_LIST = ['job.progress', 'solve.progress', 'solve.finished', 'layer.changed', 'notes.changed', 'shots.changed'] as const;

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findShotByName } from '../../db/shots';
import { DEFAULT_TOLERANCE, EXPORT_FORMAT_NAMES, isExportFormat, type ExportFormatName } from '../../common/export/formats';
import { DEFAULT_HEAD_NODE, DEFAULT_NODE_NAME, ExportSettings } from '../../common/export/options';
import { exportApproved, exportShot } from '../../export/export-shot';
import { progressLine } from '../progress';
import { openProject } from '../../project/session';
import { helpText, numberOption, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';

const spec = {
  name: 'export',
  summary: "export a shot's final curves (solve + corrections) for an animation package",
  usage:
    `rigsolve export --project FILE (--shot NAME --out FILE | --all-approved --out-dir DIR) --format ${EXPORT_FORMAT_NAMES.join('|')}` +
    ' [--reduce TOLERANCE] [--range A-B] [--take ID] [--node NAME] [--start-frame N] [--timecode-offset HH:MM:SS:FF]' +
    ' [--head-node NAME] [--no-head-motion] [--json]',
  options: {
    project: { type: 'string' },
    shot: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'all-approved': { type: 'boolean' },
    'out-dir': { type: 'string' },
    reduce: { type: 'string' },
    range: { type: 'string' },
    take: { type: 'string' },
    node: { type: 'string' },
    'start-frame': { type: 'string' },
    'timecode-offset': { type: 'string' },
    'head-node': { type: 'string' },
    'no-head-motion': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: {
    '--project FILE': 'project file',
    '--shot NAME': 'the shot',
    '--format F': `${EXPORT_FORMAT_NAMES.join(', ')} (Maya ASCII .anim)`,
    '--out FILE': 'file to write',
    '--all-approved': 'every approved shot of the project (batch), one file each',
    '--out-dir DIR': 'with --all-approved: the folder to write to',
    '--reduce TOLERANCE': `key reduction tolerance for keyed formats (default ${DEFAULT_TOLERANCE}; 0 keeps every frame)`,
    '--range A-B': 'frames A to B (default: the whole shot)',
    '--take ID': 'a take other than the active one',
    '--node NAME': `Maya: the blendShape node the curves go on (default ${DEFAULT_NODE_NAME})`,
    '--start-frame N': "number the first exported frame N, the rest after it (default: the shot's own frame numbers)",
    '--timecode-offset TC': "ARKit CSV: move every frame's timecode by TC (HH:MM:SS:FF, -HH:MM:SS:FF back) from the shot's start timecode",
    '--head-node NAME': `.anim and glTF: the node the head's rotation and translation go on (default ${DEFAULT_HEAD_NODE})`,
    '--no-head-motion':
      'leave the head motion out (by default a take with head motion exports headYaw… headTz beside the controls; score_solve.cjs needs this flag)',
    '--json': 'print the result as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export function parseRange(text: string | undefined): { from: number; to: number } | null {
  if (text === undefined) return null;
  const m = /^(-?\d+)-(-?\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--range must look like 1001-1100, got "${text}"`);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from > to) throw new UsageError(`--range ${text} ends before it starts: give the first frame, then the last (${to}-${from})`);
  return { from, to };
}

export async function runExport(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  const format = requireOption(values.format as string | undefined, '--format', spec.name);
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
  const settings = exportSettings(values);
  if (!existsSync(projectPath)) throw new UsageError(`no project at ${projectPath}`);
  if (values['all-approved'])
    return runBatch(
      projectPath,
      format,
      resolve(requireOption(values['out-dir'] as string | undefined, '--out-dir', spec.name)),
      settings,
      Boolean(values.json),
    );
  const shotName = requireOption(values.shot as string | undefined, '--shot', spec.name);
  const out = resolve(requireOption(values.out as string | undefined, '--out', spec.name));
  const project = openProject(projectPath, { create: false });
  try {
    const shot = findShotByName(project.db, shotName);
    if (!shot) throw new UsageError(`no shot named "${shotName}"`);
    const take = numberOption(values.take as string | undefined, '--take');
    const r = await exportShot(project.db, shot.id, {
      ...settings,
      format,
      out,
      range: parseRange(values.range as string | undefined),
      takeId: take,
    });
    if (values.json) console.log(JSON.stringify(r, null, 2));
    else {
      const keys = r.format === 'anim' ? `, ${r.keysBefore} keys reduced to ${r.keysAfter} (max error ${r.maxError.toFixed(5)})` : '';
      console.log(`wrote ${r.path}: ${r.controls} controls${r.headMotion ? ' + head motion' : ''} × ${r.frames} frames from take ${r.takeId}${keys}`);
    }
    return 0;
  } finally {
    project.close();
  }
}

/** The export settings the flags give, checked by the schema the API and the dialog use (common/export/options.ts). */
function exportSettings(values: Record<string, unknown>): ExportSettings {
  const tolerance = numberOption(values.reduce as string | undefined, '--reduce') ?? DEFAULT_TOLERANCE;
  if (tolerance < 0) throw new UsageError('--reduce must be 0 or more');
  const startFrame = numberOption(values['start-frame'] as string | undefined, '--start-frame');
  const parsed = ExportSettings.safeParse({
    tolerance,
    nodeName: (values.node as string | undefined) ?? null,
    startFrame,
    timecodeOffset: (values['timecode-offset'] as string | undefined) ?? null,
    headMotion: values['no-head-motion'] ? false : null,
    headNode: (values['head-node'] as string | undefined) ?? null,
  });
  if (parsed.success) return parsed.data;
  const key = String(parsed.error.issues[0]!.path[0]);
  const why: Record<string, string> = {
    tolerance: '--reduce must be between 0 (every frame) and 1',
    nodeName: `--node "${String(values.node)}" is not ${parsed.error.issues[0]!.message}`,
    startFrame: `--start-frame must be a whole frame number, got "${String(values['start-frame'])}"`,
    timecodeOffset: `--timecode-offset "${String(values['timecode-offset'])}" is not valid: ${parsed.error.issues[0]!.message}`,
    headNode: `--head-node "${String(values['head-node'])}" is not ${parsed.error.issues[0]!.message}`,
  };
  throw new UsageError(why[key] ?? parsed.error.issues[0]!.message);
}

async function runBatch(projectPath: string, format: ExportFormatName, outDir: string, settings: ExportSettings, json: boolean): Promise<number> {
  const project = openProject(projectPath, { create: false });
  try {
    const progress = json ? undefined : progressLine('export approved shots');
    const r = await exportApproved(project.db, { ...settings, format, outDir, ...(progress ? { onProgress: progress } : {}) });
    if (json) console.log(JSON.stringify(r, null, 2));
    else {
      if (r.exported.length === 0 && r.failed.length === 0) console.log('no approved shots');
      for (const e of r.exported) console.log(`wrote ${e.path}: ${e.controls} controls${e.headMotion ? ' + head motion' : ''} × ${e.frames} frames`);
      for (const f of r.failed) console.error(`not exported: ${f.shot}: ${f.message}`);
    }
    return r.failed.length > 0 ? 1 : 0;
  } finally {
    project.close();
  }
}

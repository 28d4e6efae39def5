import { importCapture } from '../../capture/import-capture';
import type { ImportReport } from '../../common/api/schemas';
import { DEFAULT_FOV_DEG, FOV_MAX_DEG, FOV_MIN_DEG } from '../../common/camera';
import { openProject } from '../../project/session';
import { helpText, numberOption, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';

const spec = {
  name: 'import',
  summary: 'import a capture (image sequences or a video) as a shot',
  usage:
    'rigsolve import --project FILE --shot NAME --rgb DIR|VIDEO [--normal DIR] [--fps N] [--normal-convention opengl|directx]' +
    ' [--truth-take | --curves FILE.csv] [--name-pattern PATTERN] [--fov DEG] [--json]',
  options: {
    project: { type: 'string' },
    shot: { type: 'string' },
    rgb: { type: 'string' },
    normal: { type: 'string' },
    fps: { type: 'string' },
    'normal-convention': { type: 'string' },
    curves: { type: 'string' },
    'truth-take': { type: 'boolean' },
    'name-pattern': { type: 'string' },
    fov: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: {
    '--project FILE': 'project file (created if missing)',
    '--shot NAME': 'shot name; importing the same capture again resumes it without duplicates',
    '--rgb DIR|VIDEO': 'folder of numbered RGB frames (name.0001.png, name_0001.png, 0001.png; png/jpg/tif), or a video',
    '--normal DIR': 'folder of normal maps, paired with the RGB frames by number',
    '--fps N': "frame rate (default: the video's, else 24)",
    '--normal-convention C': 'opengl (+Y up, default) or directx (+Y down) for the normal maps',
    '--truth-take':
      'import the truth.csv beside the capture (synth-shot writes one) as a take named "ground truth (truth.csv)", ' +
      'active only on a shot with no take yet; never done without this flag',
    '--curves FILE.csv': 'curves recorded with the capture (control or ARKit names), imported as a take, active only on a shot with no take yet',
    '--name-pattern PATTERN':
      'fill the slate from the shot name or the capture\'s names, e.g. "sc{scene}_tk{take}_{actor}"; fields {scene} {take} {actor} {timecode}, {*} skips',
    '--fov DEG':
      `the camera's horizontal field of view in degrees (${FOV_MIN_DEG}–${FOV_MAX_DEG}), for laying the head on the plate; ` +
      `default ${DEFAULT_FOV_DEG.toFixed(1)}° (an 85 mm lens on full frame); a camera.json beside the capture (synth-shot writes one) says the camera instead`,
    '--json': 'print the import report as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runImport(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  const shotName = requireOption(values.shot as string | undefined, '--shot', spec.name);
  const rgb = requireOption(values.rgb as string | undefined, '--rgb', spec.name);
  const convention = (values['normal-convention'] as string | undefined) ?? 'opengl';
  if (convention !== 'opengl' && convention !== 'directx') throw new UsageError('--normal-convention must be opengl or directx');
  const fps = numberOption(values.fps as string | undefined, '--fps');
  if (fps !== null && (fps <= 0 || fps > 1000)) throw new UsageError(`--fps must be a frame rate above 0 and at most 1000, got ${fps}`);
  const fov = numberOption(values.fov as string | undefined, '--fov');
  if (fov !== null && !(fov >= FOV_MIN_DEG && fov <= FOV_MAX_DEG))
    throw new UsageError(`--fov must be a horizontal field of view from ${FOV_MIN_DEG} to ${FOV_MAX_DEG} degrees, got ${fov}`);
  if (values['truth-take'] && values.curves) throw new UsageError('give either --truth-take or --curves FILE.csv, not both');
  const project = openProject(projectPath, { create: true });
  try {
    const progress = values.json ? undefined : progressLine(`import ${shotName}`);
    const report = await importCapture(
      project.db,
      {
        shotName,
        rgbSource: rgb,
        normalSource: (values.normal as string | undefined) ?? null,
        fps,
        normalConvention: convention,
        curvesPath: (values.curves as string | undefined) ?? null,
        truthTake: values['truth-take'] === true,
        namePattern: (values['name-pattern'] as string | undefined) ?? null,
        fovDeg: fov,
      },
      { cacheDir: project.cacheDir, ...(progress ? { onProgress: (p) => progress(p.done, p.total) } : {}) },
    );
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } finally {
    project.close();
  }
}

export function formatReport(r: ImportReport): string {
  const s = r.shot;
  const lines = [
    `shot "${s.name}": ${s.frameCount} frames (${s.firstFrame ?? '-'}–${s.lastFrame ?? '-'}), ` +
      `${s.width ?? '?'}×${s.height ?? '?'}, ${s.fps} fps, ${s.hasNormal ? 'with' : 'without'} normal maps`,
    `checked ${r.framesImported} frames, ${r.framesSkipped} unchanged since the last import`,
  ];
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(r.warnings.length === 0 ? 'no warnings' : `${r.warnings.length} warnings:`);
  for (const w of r.warnings) lines.push(`  frame ${w.frame}: ${w.code}: ${w.message}`);
  return lines.join('\n');
}

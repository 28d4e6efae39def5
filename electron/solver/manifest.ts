// A solver model is an ONNX file plus a manifest JSON beside it (same name, .json): what it takes
// (input size, normalisation, how an absent normal map is fed), what it gives (controls in output
// order), and which rig it was trained on. The app refuses a model it cannot honour, with a reason.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { badInput } from '../common/api/errors';
import { EvaluationHeadline } from '../common/api/schemas';
import type { ModelInput } from './preprocess';

const Normalisation = z.object({ mean: z.array(z.number()).length(3), std: z.array(z.number().positive()).length(3) });

export const ModelManifest = z
  .object({
    format: z.literal('rigsolve-model/1'),
    id: z.string().min(1),
    inputSize: z.number().int().positive(),
    normalisation: z.object({ rgb: Normalisation, normal: Normalisation }),
    /** The value every element of an absent modality's input tensor takes (the model detects it). */
    absentValue: z.number().optional(),
    absentNormal: z.object({ value: z.number() }).passthrough().optional(),
    normalConvention: z.string().default('opengl'),
    controls: z.array(z.string()).min(1),
    rigHash: z.string().nullable().default(null),
    featureSize: z.number().int().positive().optional(),
    // export.py writes null for a model exported without evaluation figures. Its free-form figures
    // pass through; the headline the model card shows is typed, and one this app cannot read is
    // set aside (see headlineOf) rather than refusing a model that solves perfectly well.
    evaluation: z
      .record(z.string(), z.unknown())
      .nullable()
      .default({})
      .transform((v): ModelEvaluation => {
        const { headline, ...rest } = v ?? {};
        const read = headlineOf(headline);
        return read.headline ? { ...rest, headline: read.headline } : rest;
      }),
  })
  .passthrough();
export type ModelManifest = z.infer<typeof ModelManifest> & { absentValue: number };

/** A manifest's evaluation: whatever the training run measured, with its headline typed when present. */
export type ModelEvaluation = Record<string, unknown> & { headline?: EvaluationHeadline };

/** The evaluation headline read from a manifest's raw `evaluation.headline`: null when absent, with the reason when unreadable. */
export function headlineOf(raw: unknown): { headline: EvaluationHeadline | null; problem: string | null } {
  if (raw === undefined || raw === null) return { headline: null, problem: null };
  const parsed = EvaluationHeadline.safeParse(raw);
  if (parsed.success) return { headline: parsed.data, problem: null };
  return { headline: null, problem: `evaluation headline unreadable: ${z.prettifyError(parsed.error).split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ')}` };
}

/** The part of a manifest the solver process needs to build the model's input tensors. */
export function modelInput(manifest: ModelManifest): ModelInput {
  return { normalisation: manifest.normalisation, absentValue: manifest.absentValue };
}

export interface ModelInfo {
  /** Absolute path of the .onnx file. */
  path: string;
  manifest: ModelManifest;
  /** Why the manifest's evaluation headline was set aside, or null (none, or read). */
  headlineProblem: string | null;
  /** sha256 of the .onnx bytes: recorded on every take. */
  hash: string;
  sizeBytes: number;
}

/** The manifest beside a model: `<stem>.manifest.json` (what export.py writes), else `<stem>.json`. */
export function manifestPathFor(onnxPath: string): string {
  const preferred = onnxPath.replace(/\.onnx$/i, '.manifest.json');
  return existsSync(preferred) ? preferred : onnxPath.replace(/\.onnx$/i, '.json');
}

export async function loadModelInfo(onnxPath: string): Promise<ModelInfo> {
  if (!/\.onnx$/i.test(onnxPath)) throw badInput(`${basename(onnxPath)} is not an .onnx file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(onnxPath);
  } catch {
    throw badInput(`model not found: ${onnxPath}`);
  }
  // An ONNX file is a protobuf ModelProto; its first field is ir_version (field 1, varint: byte 0x08).
  if (bytes.length < 16 || bytes[0] !== 0x08) throw badInput(`${basename(onnxPath)} is not a valid ONNX model`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestPathFor(onnxPath), 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw badInput(`${basename(onnxPath)}: ${missing ? 'no manifest beside it' : 'its manifest is not valid JSON'} (${basename(manifestPathFor(onnxPath))})`);
  }
  const parsed = ModelManifest.safeParse(raw);
  if (!parsed.success) throw badInput(`${basename(onnxPath)}: manifest invalid: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  const s = await stat(onnxPath);
  const manifest = { ...parsed.data, absentValue: parsed.data.absentNormal?.value ?? parsed.data.absentValue ?? 0 };
  const { problem: headlineProblem } = headlineOf((raw as { evaluation?: { headline?: unknown } | null }).evaluation?.headline);
  return { path: onnxPath, manifest, headlineProblem, hash: createHash('sha256').update(bytes).digest('hex'), sizeBytes: s.size };
}

/**
 * Why a model cannot solve shots of a rig, or null if it can: its controls must be the rig's, in
 * any order (outputs are mapped by name), and none may be missing.
 */
export function controlMismatch(manifest: ModelManifest, rigControls: readonly string[]): string | null {
  const model = new Set(manifest.controls);
  const rig = new Set(rigControls);
  const missing = rigControls.filter((c) => !model.has(c));
  const extra = manifest.controls.filter((c) => !rig.has(c));
  if (missing.length === 0 && extra.length === 0) return null;
  const list = (xs: string[]) => `${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ` and ${xs.length - 5} more` : ''}`;
  const parts: string[] = [];
  if (missing.length) parts.push(`it does not solve ${list(missing)}`);
  if (extra.length) parts.push(`it solves controls the rig lacks (${list(extra)})`);
  return `model "${manifest.id}" does not match the shot's rig: ${parts.join('; ')}`;
}

// Which control each morph target of an imported rig drives. In order of precedence:
//   1. the manual mapping (target → control, or null to ignore the target);
//   2. the target's name equals a control's name;
//   3. equal ignoring case (and a DCC namespace such as "blendShape1." or "Head:");
//   4. the ARKit alias table (one ARKit shape may drive a pair or a quartet of controls).
// A control is driven by at most one target: later claims on it are reported as duplicates.
import { ARKIT_TO_CONTROLS, arkitNameOf } from './arkit-aliases';
import { RigImportError } from './errors';

/** Which share of a target's deltas a control receives when one target drives several. */
export type SplitRegion = 'all' | 'left' | 'right' | 'upperLeft' | 'upperRight' | 'lowerLeft' | 'lowerRight';

export interface TargetAssignment {
  readonly control: string;
  readonly region: SplitRegion;
}

export interface RigMappingReport {
  /** Targets matched to one control by name (exact, ignoring case) or by the manual mapping. */
  readonly matched: readonly { readonly target: string; readonly control: string; readonly how: 'exact' | 'caseInsensitive' | 'manual' }[];
  /** Targets mapped through the ARKit alias table, with the controls they drive. */
  readonly aliased: readonly { readonly target: string; readonly arkit: string; readonly controls: readonly string[] }[];
  /** Targets that drive nothing, and why. */
  readonly unmapped: readonly { readonly target: string; readonly reason: 'unknown' | 'ignored' | 'duplicate' }[];
  /** Controls no target drives (they stay still). */
  readonly missingControls: readonly string[];
}

export interface TargetMapping {
  readonly assignments: ReadonlyMap<string, readonly TargetAssignment[]>;
  readonly report: RigMappingReport;
}

/** "blendShape1.eyeBlink_L", "Head:jawOpen", "Face|mouthClose" → the part after the namespace. */
export function stripNamespace(name: string): string {
  const parts = name.split(/[.:|]/);
  return parts[parts.length - 1] || name;
}

function regionOf(control: string, groupSize: number): SplitRegion {
  if (groupSize === 1) return 'all';
  const side = control.endsWith('_L') ? 'Left' : control.endsWith('_R') ? 'Right' : '';
  const lip = /Upper/.test(control) ? 'upper' : /Lower/.test(control) ? 'lower' : '';
  if (!side) return 'all';
  return lip ? (`${lip}${side}` as SplitRegion) : (side.toLowerCase() as SplitRegion);
}

export function mapTargetNames(targets: readonly string[], controls: readonly string[], manual: Readonly<Record<string, string | null>> = {}): TargetMapping {
  const known = new Set(controls);
  const byLower = new Map<string, string>();
  for (const c of controls) if (!byLower.has(c.toLowerCase())) byLower.set(c.toLowerCase(), c);
  for (const [t, c] of Object.entries(manual)) {
    if (c !== null && !known.has(c))
      throw new RigImportError('UNKNOWN_CONTROL', `The manual mapping sends "${t}" to "${c}", which is not a control of this rig.`);
  }

  const claimed = new Set<string>();
  const assignments = new Map<string, TargetAssignment[]>();
  const matched: { target: string; control: string; how: 'exact' | 'caseInsensitive' | 'manual' }[] = [];
  const aliased: { target: string; arkit: string; controls: string[] }[] = [];
  const unmapped: { target: string; reason: 'unknown' | 'ignored' | 'duplicate' }[] = [];
  const pending = new Set(targets);

  const claimOne = (target: string, control: string, how: 'exact' | 'caseInsensitive' | 'manual'): void => {
    pending.delete(target);
    if (claimed.has(control)) {
      unmapped.push({ target, reason: 'duplicate' });
      return;
    }
    claimed.add(control);
    assignments.set(target, [{ control, region: 'all' }]);
    matched.push({ target, control, how });
  };

  for (const t of targets) {
    if (!(t in manual)) continue;
    const c = manual[t];
    if (c === null || c === undefined) {
      pending.delete(t);
      unmapped.push({ target: t, reason: 'ignored' });
    } else claimOne(t, c, 'manual');
  }
  for (const t of [...pending]) if (known.has(t)) claimOne(t, t, 'exact');
  for (const t of [...pending]) {
    const c = byLower.get(stripNamespace(t).toLowerCase());
    if (c) claimOne(t, c, 'caseInsensitive');
  }
  for (const t of [...pending]) {
    const arkit = arkitNameOf(stripNamespace(t));
    if (!arkit) continue;
    pending.delete(t);
    const group = ARKIT_TO_CONTROLS[arkit].filter((c) => known.has(c));
    const free = group.filter((c) => !claimed.has(c));
    if (free.length === 0) {
      unmapped.push({ target: t, reason: group.length ? 'duplicate' : 'unknown' });
      continue;
    }
    for (const c of free) claimed.add(c);
    // The split follows the whole ARKit group, so a half already claimed keeps its share out.
    assignments.set(
      t,
      free.map((control) => ({ control, region: regionOf(control, group.length) })),
    );
    aliased.push({ target: t, arkit, controls: free });
  }
  for (const t of pending) unmapped.push({ target: t, reason: 'unknown' });

  return {
    assignments,
    report: { matched, aliased, unmapped, missingControls: controls.filter((c) => !claimed.has(c)) },
  };
}
